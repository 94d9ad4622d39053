package ai.digitaltwin.api.chat.narrator;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the optional narrator is: an OpenAI-compatible chat-completions endpoint (as Ollama, vLLM and the
 * llama.cpp server offer). Off when no URL is given.
 *
 * @param url the API's base URL ({@code http://127.0.0.1:11434/v1}), to which {@code /chat/completions} is
 *     added, or the full {@code .../chat/completions} address; null when off
 * @param model the model name sent with each request; required with a URL
 * @param apiKey sent as a bearer token when not null (vLLM and llama.cpp can ask for one)
 * @param timeout longest wait for one narration, connecting included; past it the twin's own reply is shown
 */
public record NarratorConfig(URI url, String model, String apiKey, Duration timeout) {
  /** How long a narration may take by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final String COMPLETIONS = "/chat/completions";

  public NarratorConfig {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("CHAT_LLM_TIMEOUT_MS must be positive");
    }
    if (url != null) {
      if (!isHttp(url)) {
        throw new IllegalArgumentException("CHAT_LLM_URL must be an http or https URL, got '" + url + "'");
      }
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("CHAT_LLM_MODEL is required with CHAT_LLM_URL");
      }
    }
  }

  /** No narrator: the twin's own replies. */
  public static NarratorConfig off() {
    return new NarratorConfig(null, null, null, DEFAULT_TIMEOUT);
  }

  /** The address a {@code CHAT_LLM_URL} names; not an http or https URL with a host is an error. */
  public static URI address(String url) {
    URI uri = URI.create(url);
    if (!isHttp(uri)) {
      throw new IllegalArgumentException("not an http or https URL: " + url);
    }
    return uri;
  }

  private static boolean isHttp(URI url) {
    return ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null;
  }

  public boolean enabled() {
    return url != null;
  }

  /** The address requests are posted to. */
  URI completions() {
    String base = url.toString();
    if (base.endsWith(COMPLETIONS)) {
      return url;
    }
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + COMPLETIONS);
  }
}
