package ai.digitaltwin.generator.cli;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line progress bar with rate and ETA, redrawn in place on a terminal's stderr. */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long startNanos;

  public ProgressBar(PrintStream out, long startNanos) {
    this.out = out;
    this.startNanos = startNanos;
  }

  /** Renders the line for a fraction done (0..1) and a count of events so far. */
  public static String line(double fraction, long events, Duration elapsed) {
    double f = Math.max(0, Math.min(1, fraction));
    int filled = (int) Math.round(f * WIDTH);
    double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
    String eta = f <= 0 ? "--:--:--" : clock(Duration.ofMillis((long) (elapsed.toMillis() * (1 - f) / f)));
    return String.format("[%s%s] %5.1f%%  %,d events  %,.0f/s  elapsed %s  ETA %s", "#".repeat(filled),
        " ".repeat(WIDTH - filled), 100 * f, events, events / seconds, clock(elapsed), eta);
  }

  public void show(double fraction, long events, long nowNanos) {
    out.print("\r" + line(fraction, events, Duration.ofNanos(nowNanos - startNanos)));
    out.flush();
  }

  public void done() {
    out.println();
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
