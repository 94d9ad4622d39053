package ai.digitaltwin.stack;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.maintenance.TableMaintenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** How soon a run put off by a bulk load looks again (or one interval, if shorter). */
  static final Duration RECHECK = Duration.ofSeconds(15);
  /** How long a stop waits for a run to finish the table at hand before interrupting it. */
  private static final Duration STOP_WAIT = Duration.ofMinutes(2);

  private final StackConfig config;
  private final CatalogConfig catalog;
  private final Clock clock;
  private final InputRate inputs;
  /** When the run now due was first put off; null while none is. */
  private Instant waitingSince;
  private final ScheduledThreadPoolExecutor scheduler = scheduler();
  private final AtomicInteger runs = new AtomicInteger();
  private volatile boolean stopping;
  private volatile boolean interrupting;
  private volatile boolean running;

  private Maintenance(StackConfig config, CatalogConfig catalog, Clock clock, InputRate inputs) {
    this.config = config;
    this.catalog = catalog;
    this.clock = clock;
    this.inputs = inputs;
  }

  /**
   * Schedules maintenance every {@code config.maintenanceInterval()} (none when that is zero), put off
   * while {@code inputs} take more than {@code config.maintenanceBulkRate()} events per second.
   */
  static Maintenance start(StackConfig config, CatalogConfig catalog, Clock clock, InputRate inputs) {
    Maintenance maintenance = new Maintenance(config, catalog, clock, inputs);
    Duration every = config.maintenanceInterval();
    if (!every.isZero()) {
      inputs.perSecond(); // the first look: the rate at the first run is since now
      maintenance.next(Duration.ofMillis(Math.min(every.toMillis(), FIRST_RUN.toMillis())));
    }
    return maintenance;
  }

  /**
   * One thread; the next run, always scheduled as a delayed task, is dropped by a stop (the default
   * would keep the executor alive until that run's time came).
   */
  private static ScheduledThreadPoolExecutor scheduler() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "table-maintenance");
              t.setDaemon(true);
              return t;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  private void next(Duration in) {
    if (!stopping) {
      try {
        scheduler.schedule(this::due, in.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // stopping: no more runs
      }
    }
  }

  /** A run is due: it runs, unless a bulk load is under way and the run has not yet waited its longest. */
  private void due() {
    Duration every = config.maintenanceInterval();
    Duration after = every;
    try {
      if (stopping) {
        return;
      }
      double rate = inputs.perSecond();
      int bulk = config.maintenanceBulkRate();
      Instant now = clock.instant();
      if (bulk > 0 && rate > bulk && (waitingSince == null || now.isBefore(waitingSince.plus(every.multipliedBy(2))))) {
        if (waitingSince == null) {
          waitingSince = now;
          LOG.info("table maintenance waits: the inputs take {} events/s (a bulk load, more than {}); it runs once the load ends",
              Math.round(rate), bulk);
        }
        after = every.compareTo(RECHECK) < 0 ? every : RECHECK;
        return;
      }
      waitingSince = null;
      runOnce();
    } finally {
      next(after);
    }
  }

  /** The runs finished so far, failed ones included. */
  int runs() {
    return runs.get();
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
              env, catalog, config.maintenance().compactMinFiles(), config.maintenance().snapshotRetention(),
              config.maintenance().snapshotRetainLast(),
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
      runs.incrementAndGet();
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
    } finally {
      inputs.close();
    }
  }
}
