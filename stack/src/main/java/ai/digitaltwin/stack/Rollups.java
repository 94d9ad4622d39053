package ai.digitaltwin.stack;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.batch.DailyRollupJob;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily rollup ({@link DailyRollupJob}) run on a schedule inside the embedded stack, each run a small
 * batch job on its own local Flink environment, like table maintenance. A run recomputes only the local
 * days with input committed since the last one, so the day in progress is rolled up again at every run
 * until it closes and a closed day is left alone unless late data arrives; a run with nothing new
 * commits nothing.
 */
final class Rollups implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);

  private final ScheduledExecutorService scheduler;

  private Rollups(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Schedules a rollup every {@code config.rollupInterval()}, the first one interval after the start; none when zero. */
  static Rollups start(StackConfig config, CatalogConfig catalog) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "daily-rollup");
              t.setDaemon(true);
              return t;
            });
    Duration every = config.rollupInterval();
    if (!every.isZero()) {
      scheduler.scheduleWithFixedDelay(() -> runOnce(catalog), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return new Rollups(scheduler);
  }

  private static void runOnce(CatalogConfig catalog) {
    try {
      DailyRollupJob.Result result =
          DailyRollupJob.run(StreamExecutionEnvironment.createLocalEnvironment(1), catalog, step -> {});
      LOG.info("{}", result);
    } catch (Exception e) {
      // a conflicting commit (a rollup run by hand) or a busy machine: the next run tries again
      LOG.warn("daily rollup failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
