package ai.digitaltwin.stack;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP, taken from the JVM so that the stack stops <em>before</em> the JVM
 * begins to shut down. A stop from a shutdown hook cannot be clean: hooks run concurrently, and libraries
 * register their own that close what a final commit needs (Iceberg's lock-manager heartbeat pool and
 * worker pool are Guava "exiting" executors, shut down by a hook of theirs), so the job's savepoint and a
 * running table maintenance failed with {@code RejectedExecutionException} whenever those hooks won the
 * race. A second signal while the stop is under way ends the process at once; the next start then
 * resumes from the last checkpoint.
 */
final class StopSignals {
  /** Exit status of a process ended by a second signal before its stop completed (128 + SIGINT). */
  static final int FORCED_EXIT = 130;

  private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

  private final CountDownLatch requested = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();
  private volatile String first;

  private StopSignals() {}

  /** Takes over the stop signals from now on; the JVM's default handling (shutdown hooks) no longer runs for them. */
  static StopSignals install() {
    StopSignals signals = new StopSignals();
    for (String name : SIGNALS) {
      try {
        Signal.handle(new Signal(name), signals::received);
      } catch (IllegalArgumentException ignoredByTheOs) {
        // e.g. SIGHUP under nohup: the signal never comes, nothing to take over
      }
    }
    return signals;
  }

  private void received(Signal signal) {
    if (received.incrementAndGet() == 1) {
      first = "SIG" + signal.getName();
      requested.countDown();
    } else {
      System.out.println("Stopped at once (SIG" + signal.getName() + " while stopping); the next start resumes from the last checkpoint.");
      Runtime.getRuntime().halt(FORCED_EXIT);
    }
  }

  /** Blocks until the first stop signal; returns its name (e.g. {@code SIGTERM}). */
  String await() throws InterruptedException {
    requested.await();
    return first;
  }
}
