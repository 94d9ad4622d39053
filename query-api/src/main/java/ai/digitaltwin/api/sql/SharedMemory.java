package ai.digitaltwin.api.sql;

import ai.digitaltwin.api.history.HistoryQueryException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Every user query shares the sandbox's one DuckDB memory limit, so a query that takes all of it makes
 * the queries running beside it fail with an out-of-memory error they did not cause. Such a query (one
 * that another query ran beside at any time, even if that one ended first: DuckDB's worker threads
 * finish the task they are in after an interrupt, so a query cut off may hold its memory a little longer)
 * is run once more within its time limit, when no other query runs and after a short pause, one such
 * retry at a time. A query that runs out of memory with nothing beside it caused it, and its error stands.
 */
final class SharedMemory {
  /** How long a retry waits, once alone, for the memory of a query that just ended to be freed. */
  static final Duration SETTLE = Duration.ofMillis(100);

  private final Object lock = new Object();
  private final ReentrantLock retries = new ReentrantLock();
  private int running; // guarded by lock
  private long entered; // guarded by lock: queries started so far

  /** Runs {@code query} with the time it has left; {@code timeout} is its whole budget. */
  <T> T run(Function<Duration, T> query, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HistoryQueryException crowdedOut;
    boolean crowded;
    long mark;
    synchronized (lock) {
      crowded = running > 0;
      running++;
      mark = ++entered;
    }
    try {
      return query.apply(timeout);
    } catch (HistoryQueryException e) {
      synchronized (lock) {
        crowded |= running > 1 || entered != mark; // one beside it now, or one started since it did
      }
      if (!crowded || !outOfMemory(e)) {
        throw e;
      }
      crowdedOut = e;
    } finally {
      leave();
    }
    try {
      if (!retries.tryLock(remaining(deadline), TimeUnit.NANOSECONDS)) {
        throw crowdedOut;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw crowdedOut;
    }
    try {
      if (!awaitAlone(deadline)) {
        throw crowdedOut;
      }
      try {
        Thread.sleep(Math.min(SETTLE.toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw crowdedOut;
      }
      enter();
      try {
        return query.apply(Duration.ofNanos(Math.max(remaining(deadline), TimeUnit.SECONDS.toNanos(1))));
      } finally {
        leave();
      }
    } finally {
      retries.unlock();
    }
  }

  static boolean outOfMemory(HistoryQueryException e) {
    return allocationFailure(e.getMessage());
  }

  /**
   * DuckDB's words for an allocation that failed: "Out of Memory Error: ..." from the executor, "...
   * out of memory: failed to allocate ..." from inside a function such as the JSON parser behind the SQL
   * check, and "failed to allocate data of size ..." in the error that {@code json_serialize_sql} returns.
   */
  static boolean allocationFailure(String message) {
    String m = String.valueOf(message).toLowerCase(java.util.Locale.ROOT);
    return m.contains("out of memory") || m.contains("failed to allocate");
  }

  private boolean awaitAlone(long deadline) {
    synchronized (lock) {
      while (running > 0) {
        long left = remaining(deadline);
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void enter() {
    synchronized (lock) {
      running++;
      entered++;
    }
  }

  private void leave() {
    synchronized (lock) {
      running--;
      lock.notifyAll();
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
