package ai.digitaltwin.api.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Fact sentence templates from {@code chat/facts.properties}. */
final class Phrases {
  private static final String PATH = "chat/facts.properties";

  private final Properties templates;

  private Phrases(Properties templates) {
    this.templates = templates;
  }

  static Phrases load() {
    Properties properties = new Properties();
    InputStream in = Phrases.class.getClassLoader().getResourceAsStream(PATH);
    if (in == null) {
      throw new IllegalStateException("Missing resource on the class path: " + PATH);
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + PATH, e);
    }
    return new Phrases(properties);
  }

  String get(String key) {
    String template = templates.getProperty(key);
    if (template == null) {
      throw new IllegalArgumentException("No phrase " + key + " in " + PATH);
    }
    return template;
  }

  String get(String key, Map<String, String> values) {
    return Format.fill(get(key), values);
  }

  /** A phrase whose key may be absent, e.g. an activity without a wording: the fallback then. */
  String getOrDefault(String key, String fallback) {
    return templates.getProperty(key, fallback);
  }
}
