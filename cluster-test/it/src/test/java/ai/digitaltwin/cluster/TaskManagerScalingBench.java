package ai.digitaltwin.cluster;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.cluster.GeneratorRun.Produced;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.submit.Deployer;
import ai.digitaltwin.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the stream job's throughput scales with TaskManagers: the same backlog (a generator backfill,
 * produced before the job starts) is consumed once by a session cluster with one TaskManager and once with
 * two, every part in its own process as in {@link DistributedDeploymentTest}. Throughput = events / time
 * from the job running to the last row committed in Iceberg. Not part of the build; run it with
 *
 * <pre>mvn -B -q -pl cluster-test/it -am verify -Dtest=TaskManagerScalingBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true [-Dbench.twins=100 -Dbench.days=5]</pre>
 *
 * Results go to the log and to {@code cluster-test/it/target/bench-results.txt}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TaskManagerScalingBench {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerScalingBench.class);
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final Duration PATIENCE = Duration.ofMinutes(15);

  @Test
  void oneTaskManagerAgainstTwo() throws Exception {
    int twins = Integer.getInteger("bench.twins", 100);
    int days = Integer.getInteger("bench.days", 5);
    Path work = Classpaths.workDir().resolveSibling("bench");
    DistributedDeploymentTest.deleteRecursively(work);
    try (KafkaCluster kafka = KafkaCluster.launch(work.resolve("kafka"), 3);
        S3Store store = S3Store.start(work.resolve("s3"), "warehouse");
        CatalogServer catalogServer = CatalogServer.start(work.resolve("catalog"), store, "s3://warehouse/")) {
      kafka.awaitBrokers(3, PATIENCE);
      kafka.createTopics(2); // the job fails on a topic that does not exist
      Map<String, String> catalogEnv = catalogEnv(catalogServer, store);
      try (TwinCatalog catalog = TwinCatalog.open(CatalogConfig.fromEnv(Env.of(testEnv(catalogEnv))))) {
        catalog.ensureTables();
        Produced backlog =
            GeneratorRun.start(work.resolve("logs"), "generator", kafka.bootstrapServers(), twins, T0, days)
                .awaitProduced(PATIENCE);
        long events = backlog.health() + backlog.behavior() + backlog.groundTruth() + backlog.registry();
        List<String> lines = new ArrayList<>();
        lines.add("backlog: " + events + " events (" + twins + " twins x " + days + " days), cores: "
            + Runtime.getRuntime().availableProcessors());
        for (int taskManagers : List.of(1, 2)) {
          lines.add(run(work, taskManagers, kafka, catalog, catalogEnv, backlog, events));
          LOG.info(lines.get(lines.size() - 1));
        }
        Files.write(Classpaths.workDir().resolveSibling("bench-results.txt"), lines,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        lines.forEach(LOG::info);
      }
    }
  }

  /** One pass over the whole backlog with its own consumer group, so each pass reads everything. */
  private static String run(
      Path work, int taskManagers, KafkaCluster kafka, TwinCatalog catalog, Map<String, String> catalogEnv,
      Produced backlog, long events) throws Exception {
    long before = TableCounts.committedRows(catalog, Tables.HEALTH_EVENTS);
    int parallelism = taskManagers * FlinkCluster.SLOTS_PER_TASK_MANAGER;
    try (FlinkCluster flink = FlinkCluster.launch(work.resolve("flink-" + taskManagers), taskManagers, S3Store.clientEnv())) {
      flink.awaitTaskManagers(taskManagers, PATIENCE);
      List<String> args = new ArrayList<>();
      args.add("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
      args.add("KAFKA_GROUP_ID=bench-" + taskManagers);
      args.add("JOB_PARALLELISM=" + parallelism);
      args.add("CHECKPOINT_INTERVAL_MS=2000");
      catalogEnv.forEach((k, v) -> args.add(k + "=" + v));
      Deployer deployer = new Deployer(flink.rest(), PATIENCE);
      String job = deployer.submit(Classpaths.flinkAppJar(), parallelism, args, null);
      long started = System.nanoTime();
      Await.until("the backlog committed", PATIENCE, () ->
          TableCounts.committedRows(catalog, Tables.HEALTH_EVENTS) >= before + backlog.health());
      double seconds = (System.nanoTime() - started) / 1e9;
      LOG.info("job {} consumed the backlog", job);
      return String.format("%d TaskManager(s), parallelism %d: %,d events in %.1f s = %,.0f events/s",
          taskManagers, parallelism, events, seconds, events / seconds);
    }
  }

  private static Map<String, String> catalogEnv(CatalogServer catalog, S3Store store) {
    return Map.of(
        "ICEBERG_CATALOG", "rest",
        "ICEBERG_REST_URI", catalog.uri(),
        "ICEBERG_WAREHOUSE", "s3://warehouse/",
        "ICEBERG_IO_IMPL", "org.apache.iceberg.aws.s3.S3FileIO",
        "ICEBERG_S3_ENDPOINT", store.endpoint(),
        "ICEBERG_S3_PATH_STYLE", "true");
  }

  private static Map<String, String> testEnv(Map<String, String> catalogEnv) {
    Map<String, String> env = new HashMap<>(catalogEnv);
    env.put("ICEBERG_S3_REGION", S3Store.REGION);
    env.put("ICEBERG_S3_ACCESS_KEY_ID", S3Store.ACCESS_KEY);
    env.put("ICEBERG_S3_SECRET_ACCESS_KEY", S3Store.SECRET_KEY);
    return env;
  }
}
