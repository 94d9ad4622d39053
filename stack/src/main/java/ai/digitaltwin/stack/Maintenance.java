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
  /** How long a stop waits for a run to finish the table at hand before interrupting it. */
  private static final Duration STOP_WAIT = Duration.ofMinutes(2);

  private final StackConfig config;
  private final CatalogConfig catalog;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "table-maintenance");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean stopping;
  private volatile boolean interrupting;
  private volatile boolean running;

  private Maintenance(StackConfig config, CatalogConfig catalog, Clock clock) {
    this.config = config;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Schedules maintenance every {@code config.maintenanceInterval()}; none when that is zero. */
  static Maintenance start(StackConfig config, CatalogConfig catalog, Clock clock) {
    Maintenance maintenance = new Maintenance(config, catalog, clock);
    Duration every = config.maintenanceInterval();
    if (!every.isZero()) {
      long first = Math.min(every.toMillis(), FIRST_RUN.toMillis());
      maintenance.scheduler.scheduleWithFixedDelay(maintenance::runOnce, first, every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return maintenance;
  }

  private void runOnce() {
    if (stopping) {
      return;
    }
    running = true;
    long start = System.nanoTime();
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
      for (TableMaintenance.Result r :
          TableMaintenance.run(
              env, catalog, config.compactMinFiles(), config.snapshotRetention(), config.snapshotRetainLast(),
              clock.instant(), () -> stopping)) {
        if (r.filesBefore() > 0 || r.snapshotsExpired() > 0) {
          LOG.info("maintenance {}: {} files in {} day partitions rewritten as {}, {} snapshots expired",
              r.table(), r.filesBefore(), r.partitions(), r.filesAfter(), r.snapshotsExpired());
        }
      }
      LOG.info("table maintenance done in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      if (interrupting) {
        LOG.info("table maintenance interrupted by the stop ({}); the next run does it again", e.toString());
      } else {
        // a conflicting commit or a busy machine: the next run tries again
        LOG.warn("table maintenance failed: {}", e.toString());
      }
    } finally {
      running = false;
    }
  }

  /**
   * No new run; a run under way finishes the table at hand (its commit is atomic either way) and skips the
   * rest, so a stop never breaks a commit off. Only a run still busy after {@link #STOP_WAIT} is interrupted.
   */
  @Override
  public void close() {
    stopping = true;
    scheduler.shutdown();
    try {
      if (running) {
        LOG.info("waiting for table maintenance to finish the table at hand");
      }
      if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("table maintenance still running after {} s; interrupting it", STOP_WAIT.toSeconds());
        interrupting = true;
        scheduler.shutdownNow();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
