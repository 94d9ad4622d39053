package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule of the embedded stack's table maintenance (real runs over an Iceberg warehouse on disk):
 * a run due while the inputs take a bulk load waits for the load to end, but never longer than two
 * intervals; with the bulk rate at 0 nothing waits; a stop does not wait for the next run's time.
 */
class MaintenanceTest {
  static final Duration INTERVAL = Duration.ofMillis(400);

  @TempDir Path dir;

  /** A rate the test sets: the events per second the inputs take right now. */
  static final class SetRate extends InputRate {
    volatile double rate;

    SetRate(double rate) {
      super(null);
      this.rate = rate;
    }

    @Override
    synchronized double perSecond() {
      return rate;
    }
  }

  @Test
  void aRunWaitsWhileABulkLoadLastsThenRuns() throws Exception {
    SetRate inputs = new SetRate(50_000);
    Duration interval = Duration.ofSeconds(2);
    try (Maintenance maintenance = start(interval, "2000", inputs)) {
      Thread.sleep(interval.multipliedBy(3).dividedBy(2).toMillis()); // due after one interval, waiting until three
      assertThat(maintenance.runs()).isZero();
      inputs.rate = 10; // the load ends: the live flow only
      await(() -> maintenance.runs() >= 1, "a run once the load ended");
    }
  }

  @Test
  void aRunWaitsAtMostTwoIntervals() throws Exception {
    SetRate inputs = new SetRate(50_000);
    try (Maintenance maintenance = start(INTERVAL, "2000", inputs)) {
      long started = System.nanoTime();
      await(() -> maintenance.runs() >= 1, "a run although the load goes on");
      // due after one interval, then at most two more of waiting (and the run itself)
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(3));
    }
  }

  @Test
  void withTheBulkRateAtZeroNothingWaits() throws Exception {
    try (Maintenance maintenance = start(INTERVAL, "0", new SetRate(50_000))) {
      await(() -> maintenance.runs() >= 2, "two runs");
    }
  }

  @Test
  void aStopDropsTheNextRunInsteadOfWaitingForIt() {
    Maintenance maintenance = start(Duration.ofMinutes(5), "2000", new SetRate(0)); // the first run a minute away
    long started = System.nanoTime();
    maintenance.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(maintenance.runs()).isZero();
  }

  private Maintenance start(Duration interval, String bulkRate, InputRate inputs) {
    StackConfig config =
        StackConfig.fromEnv(Env.of(Map.of("TWIN_DATA_DIR", dir.toString(), "MAINTENANCE_INTERVAL_MS", String.valueOf(interval.toMillis()),
            "MAINTENANCE_BULK_RATE", bulkRate)));
    return Maintenance.start(config, CatalogConfig.local(dir.resolve("warehouse")), Clock.systemUTC(), inputs);
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    StackClient.await(Duration.ofSeconds(60), done, what);
  }
}
