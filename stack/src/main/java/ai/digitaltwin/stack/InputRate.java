package ai.digitaltwin.stack;

import ai.digitaltwin.api.pipeline.KafkaProgress;
import java.time.Clock;

/**
 * Events per second reaching the stack's input topics (their read-committed ends, summed) between one
 * look and the next: how maintenance tells a bulk load (an import, a backfill) from the live flow. Offsets
 * count the producers' transaction markers too, a few a second, far below any bulk load.
 */
class InputRate implements AutoCloseable {
  private final KafkaProgress progress;
  private long lastEnd = -1;
  private long lastNanos;

  InputRate(KafkaProgress progress) {
    this.progress = progress;
  }

  /** The input topics of the broker at {@code bootstrap}. */
  static InputRate of(String bootstrap) {
    return new InputRate(new KafkaProgress(bootstrap, Clock.systemUTC()));
  }

  /** No inputs to look at: always 0. */
  static InputRate none() {
    return new InputRate(null);
  }

  /** The rate since the previous call; 0 at the first, and when the broker does not answer. */
  synchronized double perSecond() {
    if (progress == null) {
      return 0;
    }
    long end;
    try {
      end = KafkaProgress.total(progress.ends());
    } catch (IllegalStateException e) {
      return 0; // a busy or stopping broker: no load is known, and a run is never held up by it
    }
    long now = System.nanoTime();
    double rate = lastEnd < 0 ? 0 : (end - lastEnd) / Math.max(1e-3, (now - lastNanos) / 1e9);
    lastEnd = end;
    lastNanos = now;
    return rate;
  }

  @Override
  public void close() {
    if (progress != null) {
      progress.close();
    }
  }
}
