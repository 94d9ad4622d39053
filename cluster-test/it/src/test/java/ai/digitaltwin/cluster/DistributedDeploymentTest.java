package ai.digitaltwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.api.history.DailyFromReadings;
import ai.digitaltwin.api.history.DataFileCache;
import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.cluster.GeneratorRun.Produced;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.submit.Deployer;
import ai.digitaltwin.submit.FlinkRest;
import ai.digitaltwin.submit.RollupRunner;
import ai.digitaltwin.submit.SubmitMain;
import ai.digitaltwin.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed deployment on one machine, every part its own process: three KRaft Kafka nodes, a
 * Flink session cluster (JobManager + two TaskManagers) started from Flink's entrypoints, the application
 * jar submitted over Flink's REST API, the Iceberg REST catalog server, s3proxy as the object store, the
 * generator and the query API. During a backfill a TaskManager and then a broker are killed; afterwards
 * every table holds exactly the events produced. Then the job stops with a savepoint and resumes with
 * another parallelism, and the next days arrive exactly once too. Last, the submitter runs the daily
 * rollup on the same session cluster, and every {@code daily_summaries} row equals DuckDB's aggregate
 * over the {@code health_events} snapshot it read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedDeploymentTest {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedDeploymentTest.class);
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final int TWINS = 20;
  static final String WAREHOUSE = "s3://warehouse/";
  static final Duration PATIENCE = Duration.ofMinutes(3);

  private final List<AutoCloseable> started = new ArrayList<>();
  private Path work;
  private S3Store store;
  private KafkaCluster kafka;
  private CatalogServer catalogServer;
  private FlinkCluster flink;
  private ApiProcess api;
  private Deployer deployer;
  private TwinCatalog catalog;

  @BeforeAll
  void startCluster() throws Exception {
    work = Classpaths.workDir();
    deleteRecursively(work);
    Files.createDirectories(work);
    long t = System.nanoTime();
    // everything starts at once; the waits come after
    kafka = track(KafkaCluster.launch(work.resolve("kafka"), 3));
    flink = track(FlinkCluster.launch(work.resolve("flink"), 2, S3Store.clientEnv()));
    store = track(S3Store.start(work.resolve("s3"), "warehouse"));
    catalogServer = track(CatalogServer.start(work.resolve("catalog"), store, WAREHOUSE));
    kafka.awaitBrokers(3, PATIENCE);
    flink.awaitTaskManagers(2, PATIENCE);
    deployer = new Deployer(flink.rest(), PATIENCE);
    catalogServer.awaitAnswering(PATIENCE);
    catalog = TwinCatalog.open(CatalogConfig.fromEnv(Env.of(testCatalogEnv())));
    LOG.info("cluster up in {} s", (System.nanoTime() - t) / 1_000_000_000);
  }

  @Test
  void everyEventLandsExactlyOnceThroughFailuresAndARescaleFromASavepoint() throws Exception {
    FlinkRest rest = flink.rest();
    // the one-shot submitter, as the compose file runs it: topics (replication 3), then the job over REST
    assertThat(SubmitMain.run("submit", submitterEnv())).isZero();
    String job = deployer.aliveJob().orElseThrow().id();
    assertThat(rest.parallelism(job)).isEqualTo(2);
    try (Admin admin = kafka.admin()) {
      var health = admin.describeTopics(List.of(Topics.HEALTH.name())).allTopicNames().get().get(Topics.HEALTH.name());
      assertThat(health.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
    }
    LOG.info("job {} running with parallelism 2", job);
    api = track(ApiProcess.start(work.resolve("api"), kafka.bootstrapServers(), catalogEnv())); // needs the topics

    Produced day1 = GeneratorRun.start(work.resolve("logs"), "generator-day1", kafka.bootstrapServers(), TWINS, T0, 1)
        .awaitProduced(PATIENCE);
    awaitCommitted(Tables.HEALTH_EVENTS, 1);

    // a TaskManager dies while the job works through day 1 and the generator produces day 2
    GeneratorRun day2 = GeneratorRun.start(work.resolve("logs"), "generator-day2", kafka.bootstrapServers(), TWINS, T0, 2);
    awaitTopicBeyond(day1.health());
    long committedAtKill = TableCounts.committedRows(catalog, Tables.HEALTH_EVENTS);
    String killed = flink.killBusyTaskManager();
    LOG.info("killed {} with {} health rows committed", killed, committedAtKill);
    Await.until("the job restarted after losing a TaskManager", PATIENCE, () -> restarts(rest, job) > 0);
    deployer.awaitRunning(job);
    awaitCommitted(Tables.HEALTH_EVENTS, committedAtKill + 1);
    Produced afterDay2 = day2.awaitProduced(PATIENCE);

    // then a broker dies while day 3 is produced and consumed
    GeneratorRun day3 = GeneratorRun.start(work.resolve("logs"), "generator-day3", kafka.bootstrapServers(), TWINS, T0, 3);
    awaitTopicBeyond(afterDay2.health());
    kafka.kill(2);
    LOG.info("killed kafka-3");
    Produced afterDay3 = day3.awaitProduced(PATIENCE);
    assertThat(afterDay3.health()).isGreaterThan(afterDay2.health());
    assertThat(afterDay2.health()).isGreaterThan(day1.health());

    awaitTables(afterDay3);
    assertExactlyOnce(afterDay3);
    assertThat(committedAtKill).isLessThan(afterDay3.health());

    // stop with a savepoint, then resume with parallelism 3 on a replacement TaskManager
    String savepoint = deployer.stopWithSavepoint(job, flink.savepointDir());
    LOG.info("savepoint {}", savepoint);
    flink.startTaskManager();
    flink.awaitTaskManagers(2, PATIENCE);
    String resumed = deployer.submit(Classpaths.flinkAppJar(), 3, jobArgs(3), savepoint);
    assertThat(resumed).isNotEqualTo(job);
    assertThat(rest.parallelism(resumed)).isEqualTo(3);
    Await.until("the resumed job restored", PATIENCE, () -> restoredFrom(rest, resumed) != null);
    assertThat(restoredFrom(rest, resumed)).isEqualTo(savepoint);

    Produced afterDay4 =
        GeneratorRun.start(work.resolve("logs"), "generator-day4", kafka.bootstrapServers(), TWINS, T0, 4)
            .awaitProduced(PATIENCE);
    assertThat(afterDay4.health()).isGreaterThan(afterDay3.health());
    awaitTables(afterDay4);
    assertExactlyOnce(afterDay4);

    // the API, its own process, reads the same snapshots out of the object store
    Await.until("the API's views at the newest snapshots", PATIENCE, () -> apiShowsCurrentFiles());
    String count = "SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM " + Tables.HEALTH_EVENTS;
    Await.until("the API's SQL answering over the object store", PATIENCE, () -> api.sqlRowOrNull(count) != null);
    JsonNode row = api.sqlRowOrNull(count);
    assertThat(row.get(0).asLong()).isEqualTo(afterDay4.health());
    assertThat(row.get(1).asLong()).isEqualTo(afterDay4.health());
    try (Stream<Path> cached = Files.walk(api.dataDir().resolve("cache"))) {
      assertThat(cached.filter(p -> p.toString().endsWith(".parquet")).count()).isPositive();
    }

    // the daily rollup on the session cluster, as the compose file's rollup service runs it (one free slot)
    Map<String, String> rollupEnv = new HashMap<>(submitterEnv());
    rollupEnv.put("JOB_PARALLELISM", "1");
    assertThat(SubmitMain.run("rollup", rollupEnv)).isZero();
    assertThat(rest.jobs()).anySatisfy(j -> {
      assertThat(j.name()).isEqualTo(RollupRunner.JOB_NAME);
      assertThat(j.state()).isEqualTo("FINISHED");
    });
    assertRollupAsDuckDbComputesIt();
  }

  /** Each daily_summaries row equals DuckDB's aggregate over the health_events snapshot the rollup read. */
  private void assertRollupAsDuckDbComputesIt() throws Exception {
    Table summaries = catalog.table(Tables.DAILY_SUMMARIES);
    Snapshot rollup = summaries.currentSnapshot();
    assertThat(rollup).isNotNull();
    Table health = catalog.table(Tables.HEALTH_EVENTS);
    long read = Long.parseLong(rollup.summary().get(BatchRecords.ROLLUP_HEALTH_SNAPSHOT));
    DataFileCache copies = DataFileCache.in(work.resolve("duckdb-files"));
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = health.newScan().useSnapshot(read).planFiles()) {
      tasks.forEach(t -> files.add(copies.localCopy(health.io(), t.file().location()).toString()));
    }
    Map<String, DailyFromReadings.Figures> duck;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      duck = DailyFromReadings.compute(db, files, catalog.table(Tables.TWIN_REGISTRY));
    }
    Map<String, Record> rolled = new HashMap<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(summaries).useSnapshot(rollup.snapshotId()).build()) {
      rows.forEach(r -> rolled.put(DailyFromReadings.key((String) r.getField("twin_id"), (LocalDate) r.getField("day")), r.copy()));
    }
    LOG.info("rollup snapshot {}: {} twin days", rollup.snapshotId(), rolled.size());
    assertThat(rolled.keySet()).isEqualTo(duck.keySet());
    assertThat(rolled).hasSizeGreaterThanOrEqualTo(TWINS * 4);
    rolled.forEach((key, r) -> {
      DailyFromReadings.Figures d = duck.get(key);
      assertThat(r.getField("readings")).as(key).isEqualTo(d.readings());
      assertThat(r.getField("steps")).as(key).isEqualTo(d.steps());
      if (d.hrMean() == null) {
        assertThat(r.getField("hr_mean")).as(key).isNull();
      } else {
        assertThat((Double) r.getField("hr_mean")).as(key).isCloseTo(d.hrMean(), within(1e-9 * d.hrMean()));
      }
      assertThat(r.getField("hr_min")).as(key).isEqualTo(d.hrMin());
      assertThat(r.getField("hr_max")).as(key).isEqualTo(d.hrMax());
    });
  }

  private void assertExactlyOnce(Produced produced) throws InterruptedException {
    TableCounts counts = TableCounts.read(catalog);
    LOG.info("tables {} for produced {}", counts.tables(), produced);
    assertThat(counts.tables().get(Tables.HEALTH_EVENTS)).isEqualTo(new TableCounts.Count(produced.health(), produced.health()));
    assertThat(counts.tables().get(Tables.BEHAVIOR_EVENTS)).isEqualTo(new TableCounts.Count(produced.behavior(), produced.behavior()));
    assertThat(counts.tables().get(Tables.GROUND_TRUTH))
        .isEqualTo(new TableCounts.Count(produced.groundTruth(), produced.groundTruth()));
    assertThat(counts.tables().get(Tables.TWIN_REGISTRY)).isEqualTo(new TableCounts.Count(produced.registry(), produced.registry()));
    assertThat(counts.rows(Tables.DEAD_LETTERS)).isZero();
    counts.tables().forEach((table, count) ->
        assertThat(count.distinctEventIds()).as("distinct event ids of %s", table).isEqualTo(count.rows()));
    // twin states are folded in event time: they follow the raw tables once the watermark has passed them
    Await.until("twin states in " + Tables.TWIN_STATE, PATIENCE, () -> TableCounts.committedRows(catalog, Tables.TWIN_STATE) > 0);
  }

  private void awaitTables(Produced produced) throws InterruptedException {
    Map<String, Long> expected =
        Map.of(
            Tables.HEALTH_EVENTS, produced.health(),
            Tables.BEHAVIOR_EVENTS, produced.behavior(),
            Tables.GROUND_TRUTH, produced.groundTruth(),
            Tables.TWIN_REGISTRY, produced.registry());
    Await.until("tables at " + expected, PATIENCE, () ->
        expected.entrySet().stream().allMatch(e -> TableCounts.committedRows(catalog, e.getKey()) >= e.getValue()));
  }

  private void awaitCommitted(String table, long rows) throws InterruptedException {
    Await.until(table + " with " + rows + " committed rows", PATIENCE, () -> TableCounts.committedRows(catalog, table) >= rows);
  }

  /** Waits until the health topic holds more committed records than {@code records}: a generator is producing. */
  private void awaitTopicBeyond(long records) throws InterruptedException {
    try (Admin admin = kafka.admin()) {
      Await.until("more than " + records + " committed health events", PATIENCE, () -> committedEvents(admin) > records);
    }
  }

  private static long committedEvents(Admin admin) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (var p : admin.describeTopics(List.of(Topics.HEALTH.name())).allTopicNames().get().get(Topics.HEALTH.name()).partitions()) {
        latest.put(new TopicPartition(Topics.HEALTH.name(), p.partition()), OffsetSpec.latest());
      }
      return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values().stream()
          .mapToLong(o -> o.offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private boolean apiShowsCurrentFiles() {
    JsonNode health = api.healthOrNull();
    if (health == null) {
      return false;
    }
    for (String table : List.of(Tables.HEALTH_EVENTS, Tables.TWIN_STATE)) {
      int files = health.path("components").path("iceberg").path(table).path("files").asInt(-1);
      var snapshot = catalog.table(table).currentSnapshot();
      if (snapshot == null || files != Integer.parseInt(snapshot.summary().getOrDefault("total-data-files", "-2"))) {
        return false;
      }
    }
    return true;
  }

  private static String restoredFrom(FlinkRest rest, String job) {
    try {
      return rest.restoredFrom(job);
    } catch (Exception e) {
      return null;
    }
  }

  private static long restarts(FlinkRest rest, String job) {
    try {
      return rest.restarts(job);
    } catch (Exception e) {
      return 0;
    }
  }

  /** The submitter's environment: where Flink and Kafka are, the jar, and the job's own keys. */
  private Map<String, String> submitterEnv() {
    Map<String, String> env = new HashMap<>(catalogEnv());
    env.putAll(Map.of(
        "FLINK_REST_URL", flink.rest().base().toString(),
        "JOB_JAR", Classpaths.flinkAppJar().toString(),
        "JOB_PARALLELISM", "2",
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "KAFKA_PARTITIONS", "2",
        "KAFKA_REPLICATION", "3",
        "CHECKPOINT_INTERVAL_MS", "2000",
        "SUBMIT_TIMEOUT_SECONDS", String.valueOf(PATIENCE.toSeconds())));
    return env;
  }

  /** The job's configuration, as program arguments of the REST submission. */
  private List<String> jobArgs(int parallelism) {
    List<String> args = new ArrayList<>();
    args.add("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
    args.add("JOB_PARALLELISM=" + parallelism);
    args.add("CHECKPOINT_INTERVAL_MS=2000");
    catalogEnv().forEach((k, v) -> args.add(k + "=" + v));
    return args;
  }

  /** How the job and the API find the catalog; credentials come from each process's AWS environment. */
  private Map<String, String> catalogEnv() {
    return Map.of(
        "ICEBERG_CATALOG", "rest",
        "ICEBERG_REST_URI", catalogServer.uri(),
        "ICEBERG_WAREHOUSE", WAREHOUSE,
        "ICEBERG_IO_IMPL", "org.apache.iceberg.aws.s3.S3FileIO",
        "ICEBERG_S3_ENDPOINT", store.endpoint(),
        "ICEBERG_S3_PATH_STYLE", "true");
  }

  /** This JVM cannot change its own environment, so it passes the credentials as catalog properties. */
  private Map<String, String> testCatalogEnv() {
    Map<String, String> env = new HashMap<>(catalogEnv());
    env.put("ICEBERG_S3_REGION", S3Store.REGION);
    env.put("ICEBERG_S3_ACCESS_KEY_ID", S3Store.ACCESS_KEY);
    env.put("ICEBERG_S3_SECRET_ACCESS_KEY", S3Store.SECRET_KEY);
    return env;
  }

  private <T extends AutoCloseable> T track(T process) {
    started.add(process);
    return process;
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (catalog != null) {
      catalog.close();
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }

  static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
