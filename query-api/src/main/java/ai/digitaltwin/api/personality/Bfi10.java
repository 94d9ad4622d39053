package ai.digitaltwin.api.personality;

import ai.digitaltwin.api.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BFI-10 questionnaire (Rammstedt &amp; John 2007): ten statements answered from 1 (disagree strongly)
 * to 5 (agree strongly), two per Big Five trait, one of each pair reversed. A trait is the mean of its two
 * items on the 1..5 scale, mapped linearly onto the twins' 0..1 scale ({@code (mean - 1) / 4}). The items
 * are data ({@code personality/bfi-10.tsv}), with their source.
 */
public final class Bfi10 {
  public static final String STEM = "I see myself as someone who ...";
  private static final String RESOURCE = "/personality/bfi-10.tsv";
  private static final List<Item> ITEMS = load();

  /** One statement: its number (1..10), text, the trait it measures and whether it is reverse-scored. */
  public record Item(int item, String text, String trait, boolean reversed) {}

  /**
   * The body of {@code GET /questionnaires/bfi-10}: the items with their stem and answer scale, so that a
   * client asks them as they are scored, and the source.
   */
  public record Form(String questionnaire, String stem, Map<String, String> scale, List<Item> items, String source) {}

  /** Each answer's meaning, from 1 to 5. */
  private static final Map<String, String> SCALE = scale();

  public static final String SOURCE =
      "Rammstedt, B. & John, O. P. (2007). Journal of Research in Personality, 41(1), 203-212";

  public static Form form() {
    return new Form("bfi-10", STEM, SCALE, ITEMS, SOURCE);
  }

  private static Map<String, String> scale() {
    Map<String, String> scale = new LinkedHashMap<>();
    scale.put("1", "disagree strongly");
    scale.put("2", "disagree a little");
    scale.put("3", "neither agree nor disagree");
    scale.put("4", "agree a little");
    scale.put("5", "agree strongly");
    return java.util.Collections.unmodifiableMap(scale);
  }

  private Bfi10() {}

  public static List<Item> items() {
    return ITEMS;
  }

  /**
   * The five traits, in [0, 1] with three decimals, from the ten answers in item order.
   *
   * @throws ApiException 400 naming the first answer that is not an integer from 1 to 5
   */
  public static Map<String, Double> score(JsonNode answers) {
    if (answers == null || !answers.isArray() || answers.size() != ITEMS.size()) {
      throw ApiException.badRequest(
          "answers must be an array of " + ITEMS.size() + " integers from 1 (disagree strongly) to 5 (agree strongly), in item order",
          "answers");
    }
    Map<String, Double> sums = new LinkedHashMap<>();
    for (int i = 0; i < ITEMS.size(); i++) {
      JsonNode answer = answers.get(i);
      if (!answer.isIntegralNumber() || answer.asInt() < 1 || answer.asInt() > 5) {
        throw ApiException.badRequest(
            "answers[" + i + "] (item " + (i + 1) + ") must be an integer from 1 to 5, got " + answer, "answers");
      }
      Item item = ITEMS.get(i);
      int points = item.reversed() ? 6 - answer.asInt() : answer.asInt();
      sums.merge(item.trait(), (double) points, Double::sum);
    }
    Map<String, Double> traits = new LinkedHashMap<>();
    sums.forEach((trait, sum) -> traits.put(trait, Math.round((sum / 2 - 1) / 4 * 1000) / 1000.0));
    return traits;
  }

  private static List<Item> load() {
    try (InputStream in = Bfi10.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Item> items = new ArrayList<>();
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t");
        items.add(new Item(Integer.parseInt(f[0]), f[1], f[2], Boolean.parseBoolean(f[3])));
      }
      return List.copyOf(items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
