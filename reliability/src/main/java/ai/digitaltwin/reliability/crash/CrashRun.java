package ai.digitaltwin.reliability.crash;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.generator.kafka.Checkpoint;
import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.reliability.harness.ChildStack;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * One data directory and one finite backfill (GENERATOR_START to GENERATOR_END), run by successive stack
 * processes: each but the last is killed with SIGKILL at a seeded random moment after its generator
 * started; the last runs until the generator has committed its last tick and every table holds it.
 */
final class CrashRun {
  static final String ADMIN_PASSWORD = "crash-admin-password";
  static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  /** One kill: what it waited for, and how far the generator and the tables had got when it came. */
  record Kill(int number, String target, long afterStartMs, double generatorShare, double tableShare) {}

  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final long totalTicks;
  private final long totalReadings;
  private final List<Kill> kills = new ArrayList<>();
  private int starts;

  CrashRun(Path dir, long seed, int twins, Instant start, Instant end) {
    this.dir = dir;
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    env.put("GENERATOR_TWINS", String.valueOf(twins));
    env.put("GENERATOR_SEED", String.valueOf(seed));
    env.put("GENERATOR_START", start.toString());
    env.put("GENERATOR_END", end.toString());
    // small transactions: a kill lands between many commits of the generator, not before the first
    env.put("GENERATOR_BATCH_RECORDS", "2000");
    env.put("CHECKPOINT_INTERVAL_MS", "1000");
    env.put("SNAPSHOT_POLL_MS", "500");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JWT_SECRET", "crash-run-secret-0123456789-abcdefghijklmnopqrstuv");
    this.totalTicks = Duration.between(start, end).toSeconds() / 60;
    this.totalReadings = totalTicks * twins;
  }

  List<Kill> kills() {
    return kills;
  }

  /**
   * Starts the stack and kills it once {@code health_events} holds {@code fraction} of the backfill's
   * readings, so the kill lands while the job is catching up (between and inside checkpoints). The
   * generator, much faster than the job, has usually committed the whole backfill by then: its own
   * restart (fencing, replay from its checkpoint) is still exercised on every start.
   */
  void startAndKill(double fraction) throws Exception {
    ChildStack stack = launch();
    try {
      stack.awaitStep("Flink stream job", START_TIMEOUT);
      long started = System.nanoTime();
      double[] share = {0};
      // read from the warehouse itself (snapshot summaries), not the API: the job may be done before the API is up
      try (TwinCatalog catalog = TwinCatalog.open(CatalogConfig.local(dir.resolve("data").resolve("warehouse")))) {
        Table health = catalog.table(Tables.HEALTH_EVENTS);
        Await.until(Tables.HEALTH_EVENTS + " at " + fraction, Duration.ofSeconds(180), () -> {
          health.refresh();
          Snapshot snapshot = health.currentSnapshot();
          share[0] = snapshot == null ? 0 : Long.parseLong(snapshot.summary().getOrDefault("total-records", "0")) / (double) totalReadings;
          return share[0] >= fraction;
        });
      }
      kill(stack, String.format("tables at %.0f %%", 100 * fraction), started, share[0]);
    } finally {
      if (stack.alive()) {
        stack.kill9();
      }
    }
  }

  private void kill(ChildStack stack, String target, long started, double tableShare) throws InterruptedException {
    double generator = generatorShare();
    stack.kill9();
    kills.add(new Kill(kills.size() + 1, target, (System.nanoTime() - started) / 1_000_000, generator, tableShare));
  }

  /** Starts the stack and leaves it running until the backfill is complete in every raw table. */
  ChildStack startAndFinish(TableStats.Expected expected) throws Exception {
    ChildStack stack = launch();
    try {
      return finish(stack, expected);
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  private ChildStack finish(ChildStack stack, TableStats.Expected expected) throws Exception {
    stack.awaitStep("Query API", START_TIMEOUT);
    Await.until("the generator's last tick", Duration.ofSeconds(300), () -> progress() != null && progress().getTick() >= totalTicks - 1);
    String token = stack.api().login("admin", ADMIN_PASSWORD);
    expected.fill(progress().getCounts());
    Await.until("every produced event in the tables", Duration.ofSeconds(300), () -> expected.landed(stack.api(), token));
    return stack;
  }

  int starts() {
    return starts;
  }

  ApiClient api(ChildStack stack) {
    return stack.api();
  }

  private ChildStack launch() {
    starts++;
    return ChildStack.launch(env, dir.resolve("stack-" + starts + ".log"));
  }

  String bootstrap() {
    return "127.0.0.1:" + env.get("KAFKA_PORT");
  }

  GeneratorProgress progress() {
    return Checkpoint.read(bootstrap(), "generator", Duration.ofSeconds(20)).progress();
  }

  private double generatorShare() {
    try {
      GeneratorProgress p = progress();
      return p == null ? 0 : Math.min(1.0, (p.getTick() + 1) / (double) totalTicks);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
