package ai.digitaltwin.api.chat.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns raw text into a {@link Message}: tokens, spelling fixes, metric phrases recognised. */
final class Normaliser {
  /** Words, numbers, clock times ("15:30") and contractions ("what's"). */
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:[:'.][a-z0-9]+)*");

  private final Spelling spelling;
  private final Metrics metrics;

  Normaliser(Spelling spelling, Metrics metrics) {
    this.spelling = spelling;
    this.metrics = metrics;
  }

  Message normalise(String raw) {
    List<String> tokens = new ArrayList<>();
    for (String token : tokens(raw)) {
      tokens.add(spelling.correct(token));
    }
    List<String> canonical = metrics.canonicalise(tokens);
    String masked = String.join(" ", metrics.maskVitals(canonical));
    return new Message(raw, String.join(" ", canonical), masked, canonical, metrics.find(canonical));
  }

  static List<String> tokens(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    Matcher matcher = TOKEN.matcher(lower);
    List<String> tokens = new ArrayList<>();
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
