package ai.digitaltwin.api.chat.narrator;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional narrator: has a language model behind an OpenAI-compatible endpoint say the twin's reply
 * in its own words, and shows that only when its figures are exactly the reply's ({@link NumberGuard}).
 * A narration with another figure, one that takes longer than the timeout, and any error give the twin's
 * own reply, so the chat answers the same facts with or without it. Each outcome is counted.
 * Thread-safe; off (never calling anything) unless configured.
 */
public final class Narrator {
  /** What became of one narration. */
  public enum Outcome {
    /** The narration was shown. */
    NARRATED,
    /** Its figures were not the reply's: the reply was shown. */
    REJECTED,
    /** No answer within the timeout: the reply was shown. */
    TIMEOUT,
    /** The endpoint failed or answered nothing usable: the reply was shown. */
    ERROR;

    /** The name in metrics: {@code narrated}, {@code rejected}, {@code timeout}, {@code error}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Narrator.class);

  private final ChatCompletions endpoint;
  private final Prompt prompt;
  private final Consumer<Outcome> counted;

  private Narrator(ChatCompletions endpoint, Prompt prompt, Consumer<Outcome> counted) {
    this.endpoint = endpoint;
    this.prompt = prompt;
    this.counted = counted;
  }

  /** No narrator: {@link #tell} gives the reply back unchanged. */
  public static Narrator off() {
    return new Narrator(null, null, outcome -> { });
  }

  /** The narrator of {@code config} (off when it has no URL); {@code counted} hears every outcome. */
  public static Narrator of(NarratorConfig config, Consumer<Outcome> counted) {
    Objects.requireNonNull(counted, "counted");
    if (!config.enabled()) {
      return off();
    }
    LOG.info("Chat narrator: model {} at {}, timeout {} ms", config.model(), config.completions(),
        config.timeout().toMillis());
    return new Narrator(new ChatCompletions(config), Prompt.load(), counted);
  }

  public boolean enabled() {
    return endpoint != null;
  }

  /** The text to show for {@code script}: the narration if it passed the guard, else the twin's own reply. */
  public String tell(Script script) {
    if (endpoint == null) {
      return script.reply();
    }
    String shown = script.reply();
    Outcome outcome;
    try {
      String narration = endpoint.complete(prompt.system(script.speaker()), prompt.user(script)).strip();
      if (NumberGuard.faithful(narration, script.reply())) {
        shown = narration;
        outcome = Outcome.NARRATED;
      } else {
        outcome = Outcome.REJECTED;
        LOG.debug("narration refused, its figures {} {} are not the reply's {} {}", NumberGuard.numerals(narration),
            NumberGuard.words(narration), NumberGuard.numerals(script.reply()), NumberGuard.words(script.reply()));
      }
    } catch (TimeoutException e) {
      outcome = Outcome.TIMEOUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.ERROR;
    } catch (IOException | RuntimeException e) {
      LOG.warn("narrator failed, the twin's own reply is shown: {}", e.toString());
      outcome = Outcome.ERROR;
    }
    counted.accept(outcome);
    return shown;
  }
}
