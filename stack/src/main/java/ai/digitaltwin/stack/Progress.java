package ai.digitaltwin.stack;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Start-up progress on the console: one line per step with how long it took. */
final class Progress {
  private final PrintStream out;
  private final int steps;
  private int step;

  Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  <T> T step(String what, Supplier<T> action) {
    step++;
    out.printf("[%d/%d] %s ...%n", step, steps, what);
    out.flush();
    long started = System.nanoTime();
    T result = action.get();
    out.printf("[%d/%d] %s: ready in %.1f s%n", step, steps, what, (System.nanoTime() - started) / 1e9);
    out.flush();
    return result;
  }
}
