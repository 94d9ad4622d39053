package ai.digitaltwin.generator.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The backfill's progress on stderr: the share of simulated time done (per mille), with elapsed and
 * remaining time from the progress-bar library, and the events produced so far with their rate as the extra
 * message.
 */
public final class BackfillProgress implements AutoCloseable {
  private static final int STEPS = 1000;

  private final ProgressBar bar;
  private final long startNanos;

  public BackfillProgress(PrintStream err, long startNanos) {
    this.startNanos = startNanos;
    this.bar = new ProgressBarBuilder()
        .setTaskName("backfill")
        .setInitialMax(STEPS)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .setUpdateIntervalMillis(500)
        .build();
  }

  /** Moves the bar to a fraction done (0..1) and shows a count of events so far. */
  public void show(double fraction, long events, long nowNanos) {
    double f = Math.max(0, Math.min(1, fraction));
    bar.stepTo(Math.round(f * STEPS));
    bar.setExtraMessage(extra(events, (nowNanos - startNanos) / 1e9));
  }

  /** The extra message: events so far and their rate. */
  static String extra(long events, double seconds) {
    return String.format("%,d events  %,.0f/s", events, events / Math.max(seconds, 0.001));
  }

  @Override
  public void close() {
    bar.close();
  }
}
