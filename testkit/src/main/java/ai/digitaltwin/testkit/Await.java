package ai.digitaltwin.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting on a running system: a condition checked every so often until it holds or a deadline passes.
 * A check that throws an exception counts as "not yet" (a process still starting, a table not yet
 * created) and the last such error is named when the wait gives up, so a timeout says what was waited on
 * and why it never came. A check that throws an {@link Error} (an {@link AssertionError}: the process it
 * waits on has exited) ends the wait at once. One implementation for every test, bench and reliability
 * scenario.
 */
public final class Await {
  /** How often a condition is checked unless a wait says otherwise. */
  public static final Duration EVERY = Duration.ofMillis(100);

  /** A check of the system, which may need IO to answer and may fail while the system comes up. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Await() {}

  /**
   * Returns once {@code condition} holds, with the {@link System#nanoTime()} of the check that saw it.
   *
   * @throws IllegalStateException naming {@code what}, the timeout and the last error, if it did not
   *     hold within {@code timeout}, or if the waiting thread was interrupted (its flag set again)
   */
  public static long until(String what, Duration timeout, Condition condition) {
    return until(what, timeout, EVERY, condition);
  }

  /** As {@link #until(String, Duration, Condition)}, checking every {@code every}. */
  public static long until(String what, Duration timeout, Duration every, Condition condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      try {
        if (condition.holds()) {
          return System.nanoTime();
        }
      } catch (InterruptedException e) {
        throw interrupted(what, e);
      } catch (Exception notYet) {
        last = notYet;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "timed out after " + seconds(timeout) + " waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"),
            last);
      }
      try {
        Thread.sleep(every.toMillis()); // the pace of the checks; the condition is what is waited on
      } catch (InterruptedException e) {
        throw interrupted(what, e);
      }
    }
  }

  /**
   * Reads {@code read} until {@code done} accepts its value, and returns that value; on timeout the
   * message names the last value read.
   */
  public static <T> T value(String what, Duration timeout, Callable<T> read, Predicate<T> done) {
    Object[] last = {"(none read)"};
    try {
      until(what, timeout, () -> {
        T value = read.call();
        last[0] = value;
        return done.test(value);
      });
    } catch (IllegalStateException e) {
      throw Thread.currentThread().isInterrupted() ? e : new IllegalStateException(e.getMessage() + "; last value: " + last[0], e.getCause());
    }
    @SuppressWarnings("unchecked")
    T value = (T) last[0];
    return value;
  }

  private static IllegalStateException interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new IllegalStateException("interrupted while waiting for " + what, e);
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
