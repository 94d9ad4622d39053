package ai.digitaltwin.bench.scale;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.api.LoadLoop;
import ai.digitaltwin.bench.detection.DetectionSize;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.stack.ChatBench;
import ai.digitaltwin.bench.stack.SortedFile;
import ai.digitaltwin.bench.stack.StackProcess;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.maintenance.TableMaintenance;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.Await;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The API at the size: 1,000 twins x 30 days (quick: 200 x 7) of seeded history written straight
 * into an Iceberg warehouse ({@link SeededWarehouse}, no Kafka, no Flink job), compacted by the stack's own
 * table maintenance, then served by the query API's main in its own process (with an embedded broker for
 * its users and chat) and measured over HTTP: random twins' last 24 h and hourly trend next to DuckDB on
 * one sorted Parquet file of the same rows, {@code GET /twins/{id}} at 64 connections, chat latency.
 */
public final class ApiScaleBench {
  private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());
  private static final String API_MAIN = "ai.digitaltwin.api.QueryApiMain";
  private static final int CONNECTIONS = 64;
  /**
   * Every day partition is compacted, today's too: a running stack commits every 10 s and so rewrites today
   * at each maintenance run, where six-hour commits would leave it under the stack's COMPACT_MIN_FILES.
   */
  private static final int COMPACT_MIN_FILES = 1;

  private ApiScaleBench() {}

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    DetectionSize size = config.apiSize();
    Path data = dir.resolve("data");
    Path warehouse = data.resolve("warehouse");
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES); // history up to now: "today" has readings
    log.printf("  writing %s of history into %s%n", size.describe(), warehouse);
    SeededWarehouse.Result written =
        SeededWarehouse.write(size, warehouse, end, Runtime.getRuntime().availableProcessors(), log);
    long t0 = System.nanoTime();
    List<TableMaintenance.Result> compacted = TableMaintenance.run(StreamExecutionEnvironment.createLocalEnvironment(1),
        CatalogConfig.local(warehouse), COMPACT_MIN_FILES, Duration.ofHours(1), 20, Instant.now());
    double compactSeconds = (System.nanoTime() - t0) / 1e9;
    compacted.stream().filter(r -> r.filesBefore() > 0).forEach(r -> log.printf("  compacted %s: %d files in %d day "
        + "partitions -> %d%n", r.table(), r.filesBefore(), r.partitions(), r.filesAfter()));
    log.printf("  compaction: %.0f s%n", compactSeconds);
    Path sorted = SortedFile.write(warehouse, dir.resolve("health-sorted.parquet"));
    List<Figure> out = new ArrayList<>();
    out.add(Figure.of(String.format("seeded history written and compacted, %s", size.describe()),
        Measure.of("write + compaction", "s", written.seconds() + compactSeconds), null,
        String.format("%,d health and %,d behaviour rows in %d commits of %d h simulated time each, written in %.0f s "
            + "by %d simulation threads without Kafka or Flink; compaction sorted by (twin, time): %.0f s",
            written.healthRows(), written.behaviorRows(), written.commits(), SeededWarehouse.COMMIT.toHours(),
            written.seconds(), Runtime.getRuntime().availableProcessors(), compactSeconds)));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePorts.next(), FreePorts.next())) {
      kafka.createTopics(2);
      Map<String, String> env = Map.of("PORT", String.valueOf(FreePorts.next()), "TWIN_DATA_DIR", data.toString(),
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "TWIN_DEV_MODE", "true", "ADMIN_PASSWORD", PASSWORD);
      try (StackProcess server = StackProcess.start(API_MAIN, List.of(), env, config.childJvmOptions(), "query-api listening",
          config.resultsDir().resolve("api-scale-query-api.log"))) { // kept: the work directory is not
        double up = server.awaitReady(Duration.ofMinutes(5));
        log.printf("  query API up in %.1f s over %d twins%n", up, written.twins().size());
        HttpApi api = login(server.baseUrl());
        out.addAll(measure(config, api, sorted, written, log));
      }
    }
    return out;
  }

  private static List<Figure> measure(BenchConfig config, HttpApi api, Path sorted, SeededWarehouse.Result written,
      PrintStream log) throws Exception {
    List<String> twins = written.twins();
    int samples = config.quick() ? 100 : 300;
    Duration warmUp = Duration.ofSeconds(config.quick() ? 5 : 20);
    Instant to = written.end().minus(Duration.ofMinutes(10));
    Instant dayAgo = to.minus(Duration.ofDays(1));
    Instant trendFrom = to.minus(Duration.ofDays(Math.min(30, config.apiSize().days())));
    String scale = String.format("%,d twins x %d days", twins.size(), config.apiSize().days());
    List<Figure> out = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = db.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      RandomTwinQueries.Timings point = RandomTwinQueries.run(RandomTwinQueries.Query.export(), api, db, sorted, twins,
          dayAgo, to, samples, 1, warmUp);
      log.printf("  last 24 h: API p50 %.1f / p99 %.1f ms, DuckDB p50 %.1f / p99 %.1f ms%n", point.api().median(),
          point.api().percentile(0.99), point.direct().median(), point.direct().percentile(0.99));
      out.addAll(ScaleFigures.point(scale, point, samples, dayAgo, to));
      RandomTwinQueries.Timings trend = RandomTwinQueries.run(RandomTwinQueries.Query.hourlyTrend(), api, db, sorted,
          twins, trendFrom, to, samples, 2, warmUp);
      log.printf("  hourly trend: API p50 %.1f / p99 %.1f ms, DuckDB p50 %.1f / p99 %.1f ms%n", trend.api().median(),
          trend.api().percentile(0.99), trend.direct().median(), trend.direct().percentile(0.99));
      out.addAll(ScaleFigures.trend(scale, trend, samples, trendFrom, to));
    }
    List<String> paths = twins.stream().map(t -> "/api/v1/twins/" + t).toList();
    List<String> shuffled = new ArrayList<>(paths);
    Collections.shuffle(shuffled, new Random(3));
    LoadLoop.Result load = LoadLoop.run(api, shuffled, CONNECTIONS, Duration.ofSeconds(3), config.loadDuration());
    log.printf("  GET /twins/{id}: %,.0f req/s, %d errors%n", load.perSecond(), load.errors());
    out.addAll(ScaleFigures.twinLookups(scale, load, config.loadDuration()));
    List<String> chatTwins = new ArrayList<>(twins);
    Collections.shuffle(chatTwins, new Random(4));
    out.addAll(ChatBench.run("chat latency p95 at scale (" + scale + ")", api, chatTwins.subList(0,
        Math.min(25, chatTwins.size())), config.quick() ? 30 : 100, log));
    return out;
  }

  /** Logs in as the bench's admin once the API has created it from ADMIN_PASSWORD. */
  private static HttpApi login(String base) {
    HttpApi[] api = new HttpApi[1];
    Await.until("the API's admin user", Duration.ofMinutes(2), Duration.ofMillis(500), () -> {
      try {
        api[0] = HttpApi.login(base, "admin", PASSWORD);
        return true;
      } catch (Exception e) {
        return false;
      }
    });
    return api[0];
  }
}
