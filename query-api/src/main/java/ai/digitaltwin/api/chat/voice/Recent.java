package ai.digitaltwin.api.chat.voice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one twin said in its last {@link #WINDOW} replies: how they opened (first three words) and which
 * voice lines they used, so that the next reply picks a line not said lately and does not open like
 * more than one of the replies before it. Thread-safe.
 */
public final class Recent {
  static final int WINDOW = 20;
  static final int MAX_TWINS = 50_000;

  private final Deque<String> openings = new ArrayDeque<>();
  private final Deque<String> lines = new ArrayDeque<>();
  private final Deque<String> openersUsed = new ArrayDeque<>();
  /** An opener is not used again within this many replies, when another will do. */
  static final int OPENER_MEMORY = 8;

  /** A variant not among the recent lines, starting from one chosen by {@code seed}; else the seed's. */
  synchronized String pick(List<String> options, String seed) {
    int start = Math.floorMod(seed.hashCode() * 31 + options.size(), options.size());
    for (int i = 0; i < options.size(); i++) {
      String option = options.get((start + i) % options.size());
      if (option.isEmpty() || !lines.contains(option)) {
        keep(option);
        return option;
      }
    }
    String fallback = options.get(start);
    keep(fallback);
    return fallback;
  }

  /** Whether {@code line} was said in the recent replies. */
  synchronized boolean lately(String line) {
    return lines.contains(line);
  }

  synchronized void keepLine(String line) {
    if (!line.chars().anyMatch(Character::isDigit)) {
      keep(line);
    }
  }

  private void keep(String line) {
    if (line.isEmpty()) {
      return;
    }
    lines.addLast(line);
    while (lines.size() > WINDOW * 3) {
      lines.removeFirst();
    }
  }

  /**
   * The reply {@code compose} makes with the first opener (in an order chosen by {@code seed}) whose
   * reply opens unlike all but at most one of the last {@code WINDOW - 1} replies.
   */
  synchronized String open(List<String> openers, String seed, Function<String, String> compose) {
    int start = Math.floorMod(seed.hashCode(), openers.size());
    String fallback = null;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < openers.size(); i++) {
        String opener = openers.get((start + i) % openers.size());
        if (pass == 0 && !opener.isEmpty() && openersUsed.contains(opener)) {
          continue; // first look for an opener not used in the last few replies
        }
        String text = compose.apply(opener);
        fallback = fallback == null ? text : fallback;
        String key = opening(text);
        long seen = openings.stream().skip(Math.max(0, openings.size() - (WINDOW - 1))).filter(key::equals).count();
        if (seen <= 1) {
          if (!opener.isEmpty()) {
            openersUsed.addLast(opener);
            while (openersUsed.size() > OPENER_MEMORY) {
              openersUsed.removeFirst();
            }
          }
          return text;
        }
      }
    }
    return fallback;
  }

  /** Whether a reply starting with {@code text} would open unlike all but one of the recent replies. */
  public synchronized boolean fresh(String text) {
    String key = opening(text);
    return openings.stream().skip(Math.max(0, openings.size() - (WINDOW - 1))).filter(key::equals).count() <= 1;
  }

  synchronized void said(String reply) {
    openings.addLast(opening(reply));
    while (openings.size() > WINDOW) {
      openings.removeFirst();
    }
  }

  /** The first three words, lower case, without punctuation. */
  static String opening(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").trim().split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
  }
}
