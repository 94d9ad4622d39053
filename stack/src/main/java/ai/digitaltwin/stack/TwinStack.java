package ai.digitaltwin.stack;

import ai.digitaltwin.api.ApiConfig;
import ai.digitaltwin.api.ApiRuntime;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.kafka.EmbeddedKafka;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default: Kafka, the Flink stream job, the generator and the API in one process, all state
 * under {@code TWIN_DATA_DIR}. Parts start in dependency order and stop in reverse.
 */
public final class TwinStack implements AutoCloseable {
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private ApiRuntime api;
  private GeneratorService generator;
  private EmbeddedKafka kafka;
  private EmbeddedJob job;

  private final StackConfig config;

  private TwinStack(StackConfig config) {
    this.config = config;
  }

  public java.nio.file.Path dataDir() {
    return config.dataDir();
  }

  public java.nio.file.Path adminPasswordFile() {
    return new LocalSecrets(config.dataDir()).adminPasswordFile();
  }

  /** Starts everything; {@code env} is the process environment (tests pass their own). */
  public static TwinStack start(Map<String, String> env, PrintStream out) throws Exception {
    StackConfig config = StackConfig.fromEnv(Env.of(env));
    Map<String, String> effective = new HashMap<>(env);
    effective.put(Env.DATA_DIR, config.dataDir().toString());
    effective.put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
    // a day of history at the first start, so the dashboard has something to show at once
    effective.putIfAbsent("GENERATOR_BACKFILL_DAYS", "1");
    new LocalSecrets(config.dataDir()).fill(effective);
    // fail on a bad value before anything starts
    GeneratorConfig generatorConfig = GeneratorConfig.fromEnv(Env.of(effective));
    JobConfig jobConfig = JobConfig.fromEnv(Env.of(effective));
    ApiConfig apiConfig = ApiConfig.fromEnv(Env.of(effective));

    TwinStack stack = new TwinStack(config);
    Progress progress = new Progress(out, 5);
    try {
      stack.kafka =
          stack.keep(
              progress.step(
                  "Kafka broker on " + config.bootstrapServers(),
                  () -> {
                    EmbeddedKafka k =
                        EmbeddedKafka.start(
                            config.dataDir().resolve("kafka"), config.kafkaPort(), config.controllerPort());
                    k.createTopics(config.partitions());
                    return k;
                  }));
      progress.step(
          "Iceberg tables in " + jobConfig.catalog().describe(),
          () -> {
            try (TwinCatalog catalog = TwinCatalog.open(jobConfig.catalog())) {
              catalog.ensureTables();
              return catalog;
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      stack.job =
          stack.keep(
              progress.step(
                  "Flink stream job (MiniCluster)",
                  () -> {
                    try {
                      return EmbeddedJob.start(jobConfig, config.dataDir().resolve("checkpoints"));
                    } catch (Exception e) {
                      throw new IllegalStateException("cannot start the stream job: " + e.getMessage(), e);
                    }
                  }));
      InputRate inputs = config.maintenanceInterval().isZero() || config.maintenanceBulkRate() == 0
          ? InputRate.none() : InputRate.of(config.bootstrapServers());
      stack.keep(Maintenance.start(config, jobConfig.catalog(), java.time.Clock.systemUTC(), inputs));
      stack.keep(Rollups.start(config, jobConfig.catalog()));
      stack.generator =
          stack.keep(progress.step("Generator", () -> GeneratorService.start(generatorConfig)));
      stack.api =
          stack.keep(progress.step("Query API", () -> ApiRuntime.start(apiConfig, List.of(stack.job.check()))));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  private <T extends AutoCloseable> T keep(T part) {
    parts.push(part);
    return part;
  }

  /**
   * Waits until the history the API reads holds twins and readings. The stream job commits to Iceberg at
   * its first checkpoint, so a first start is up seconds before its first data is: a request made at once
   * would find no twin. A restarted stack has its data at once.
   *
   * @return whether the data came within {@code timeout}
   */
  public boolean awaitFirstData(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String sql = "SELECT (SELECT count(*) FROM " + ai.digitaltwin.schemas.Tables.TWIN_REGISTRY + ") * (SELECT count(*) FROM "
        + ai.digitaltwin.schemas.Tables.HEALTH_EVENTS + ") AS data";
    while (true) {
      history().refreshNow();
      List<List<Object>> rows = history().query(sql, List.of()).rows();
      if (!rows.isEmpty() && rows.get(0).get(0) instanceof Number n && n.longValue() > 0) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(250);
    }
  }

  public int apiPort() {
    return api.port();
  }

  public ai.digitaltwin.api.history.TwinHistory history() {
    return api.history();
  }

  public GeneratorService generator() {
    return generator;
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /**
   * Where the stop wrote the stream job's savepoint (the next start resumes from it); empty while running, or
   * when the stop had to cancel the job (the next start then resumes from its last checkpoint).
   */
  public java.util.Optional<java.nio.file.Path> savepoint() {
    return job == null ? java.util.Optional.empty() : job.savepoint();
  }

  /**
   * Stops the parts in reverse order: API and generator first, then table maintenance (it finishes the
   * table at hand), then the job with a savepoint, then Kafka. Call it before the JVM shuts down, not from a
   * shutdown hook (see {@link StopSignals}).
   */
  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
  }
}
