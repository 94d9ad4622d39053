package ai.digitaltwin.stack;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.maintenance.TableMaintenance;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's table maintenance ({@link TableMaintenance}: day partitions rewritten sorted by twin and
 * time, old snapshots expired) run on a schedule inside the embedded stack, each run a small batch job
 * on its own local Flink environment. Without it every 10-s commit adds a file per table and queries
 * read more files every minute. Expiry keeps the newest snapshots and every one younger than the
 * retention, so the stream job's committer and readers of a recent snapshot lose nothing; time travel by
 * system time reaches back that far.
 */
final class Maintenance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  /** The first run comes this soon (or after one interval, if shorter): it tidies what a previous run left. */
  private static final Duration FIRST_RUN = Duration.ofMinutes(1);

  private final ScheduledExecutorService scheduler;

  private Maintenance(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Schedules maintenance every {@code config.maintenanceInterval()}; none when that is zero. */
  static Maintenance start(StackConfig config, CatalogConfig catalog, Clock clock) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "table-maintenance");
              t.setDaemon(true);
              return t;
            });
    Duration every = config.maintenanceInterval();
    if (!every.isZero()) {
      long first = Math.min(every.toMillis(), FIRST_RUN.toMillis());
      scheduler.scheduleWithFixedDelay(
          () -> runOnce(config, catalog, clock), first, every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return new Maintenance(scheduler);
  }

  private static void runOnce(StackConfig config, CatalogConfig catalog, Clock clock) {
    long start = System.nanoTime();
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
      for (TableMaintenance.Result r :
          TableMaintenance.run(
              env, catalog, config.compactMinFiles(), config.snapshotRetention(), config.snapshotRetainLast(),
              clock.instant())) {
        if (r.filesBefore() > 0 || r.snapshotsExpired() > 0) {
          LOG.info("maintenance {}: {} files in {} day partitions rewritten as {}, {} snapshots expired",
              r.table(), r.filesBefore(), r.partitions(), r.filesAfter(), r.snapshotsExpired());
        }
      }
      LOG.info("table maintenance done in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      // a conflicting commit or a busy machine: the next run tries again
      LOG.warn("table maintenance failed: {}", e.toString());
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
