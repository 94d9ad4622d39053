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
