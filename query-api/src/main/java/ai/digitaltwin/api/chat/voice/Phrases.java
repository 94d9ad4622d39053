package ai.digitaltwin.api.chat.voice;

import ai.digitaltwin.api.chat.understanding.Resources;
import java.util.Map;
import java.util.Properties;

/** Fact sentence templates from {@code chat/facts.properties}. */
public final class Phrases {
  private static final String PATH = "chat/facts.properties";

  private final Properties templates;

  private Phrases(Properties templates) {
    this.templates = templates;
  }

  public static Phrases load() {
    return new Phrases(Resources.properties(PATH));
  }

  public String get(String key) {
    String template = templates.getProperty(key);
    if (template == null) {
      throw new IllegalArgumentException("No phrase " + key + " in " + PATH);
    }
    return template;
  }

  public String get(String key, Map<String, String> values) {
    return Format.fill(get(key), values);
  }

  /**
   * One of the variants of {@code key} ({@code key}, {@code key.2}, {@code key.3}, ...), chosen by
   * {@code seed}: the same message gets the same words, different messages different ones.
   */
  public String any(String key, String seed, Map<String, String> values) {
    return any(key, seed, values, text -> true);
  }

  /** As {@link #any(String, String, Map)}, preferring a variant {@code fresh} accepts (one not said lately). */
  public String any(String key, String seed, Map<String, String> values, java.util.function.Predicate<String> fresh) {
    int n = 1;
    while (templates.getProperty(key + "." + (n + 1)) != null) {
      n++;
    }
    int start = Math.floorMod(seed.hashCode(), n);
    String first = null;
    for (int i = 0; i < n; i++) {
      int k = (start + i) % n;
      String text = Format.fill(get(k == 0 ? key : key + "." + (k + 1)), values);
      if (fresh.test(text)) {
        return text;
      }
      first = first == null ? text : first;
    }
    return first;
  }

  /** A phrase whose key may be absent, e.g. an activity without a wording: the fallback then. */
  public String getOrDefault(String key, String fallback) {
    return templates.getProperty(key, fallback);
  }
}
