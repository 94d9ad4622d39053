package ai.digitaltwin.api.chat.understanding;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import com.vader.sentiment.util.Utils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentiment of a message with VADER (lexicon and rules, via the Java port), with its negation handling
 * repaired: the port only recognises lower-case negators ("NOT good" came out positive), so negators are
 * lower-cased first; phrases it misreads are rewritten from {@code chat/sentiment-phrases.tsv}.
 * Labels use VADER's usual cut-offs: compound ≥ 0.05 positive, ≤ -0.05 negative.
 */
public final class SentimentScorer {
  public static final double THRESHOLD = 0.05;

  private final List<Map.Entry<Pattern, String>> rewrites;
  private final Pattern negators;

  private SentimentScorer(List<Map.Entry<Pattern, String>> rewrites, Pattern negators) {
    this.rewrites = rewrites;
    this.negators = negators;
  }

  public static SentimentScorer load() {
    List<String[]> rows = new ArrayList<>(Resources.tsv("chat/sentiment-phrases.tsv", 2));
    rows.sort(Comparator.comparingInt((String[] r) -> -r[0].length()));
    List<Map.Entry<Pattern, String>> rewrites = new ArrayList<>();
    for (String[] row : rows) {
      Pattern phrase =
          Pattern.compile("(?<![\\w'])" + Pattern.quote(row[0]) + "(?![\\w'])", Pattern.CASE_INSENSITIVE);
      rewrites.add(Map.entry(phrase, Matcher.quoteReplacement(row[1])));
    }
    StringBuilder alternatives = new StringBuilder();
    for (String negator : Utils.NEGATIVE_WORDS) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(negator));
    }
    Pattern negators =
        Pattern.compile("(?<![\\w'])(?:" + alternatives + ")(?![\\w'])", Pattern.CASE_INSENSITIVE);
    return new SentimentScorer(List.copyOf(rewrites), negators);
  }

  public Sentiment score(String text) {
    String prepared = prepare(text);
    if (prepared.isBlank()) {
      return new Sentiment("neutral", 0.0);
    }
    double compound;
    try {
      SentimentAnalyzer analyzer = new SentimentAnalyzer(prepared);
      analyzer.analyze();
      compound = analyzer.getPolarity().get("compound");
    } catch (IOException e) {
      throw new UncheckedIOException("Sentiment analysis failed", e);
    }
    double score = Math.round(compound * 1000.0) / 1000.0;
    String label = score >= THRESHOLD ? "positive" : score <= -THRESHOLD ? "negative" : "neutral";
    return new Sentiment(label, score);
  }

  String prepare(String text) {
    String out = text.replace('\u2019', '\'');
    for (Map.Entry<Pattern, String> rewrite : rewrites) {
      out = rewrite.getKey().matcher(out).replaceAll(rewrite.getValue());
    }
    Matcher m = negators.matcher(out);
    StringBuilder lowered = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(lowered, Matcher.quoteReplacement(m.group().toLowerCase(Locale.ROOT)));
    }
    m.appendTail(lowered);
    return lowered.toString();
  }
}
