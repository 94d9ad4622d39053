package ai.digitaltwin.submit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Waits for a condition with a deadline, asking again every 200 ms. */
public final class Poll {
  private static final long EVERY_MILLIS = 200;

  /** A condition that may need IO to answer. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws IOException;
  }

  private Poll() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws IllegalStateException naming {@code what} if it still does not hold after {@code timeout}
   */
  public static void until(Duration timeout, String what, Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    IOException last = null;
    while (true) {
      try {
        if (condition.holds()) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "waited " + timeout.toSeconds() + " s for " + what + (last == null ? "" : "; last error: " + last.getMessage()),
            last == null ? new TimeoutException() : last);
      }
      Thread.sleep(EVERY_MILLIS); // pace of the polling; the condition above is what is waited on
    }
  }
}
