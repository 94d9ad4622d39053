package ai.digitaltwin.bench.stack;

import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.schemas.Tables;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One twin's last 24 h of readings and its 30-day hourly heart-rate trend, asked of the API over HTTP
 * (auth, Iceberg snapshot files, DuckDB, JSON) and, as the reference, of DuckDB directly on one Parquet
 * file sorted by (twin_id, ts) holding the same rows. Both answers must have the same number of rows.
 * Each query is first asked of the API alone for {@link #API_WARM_UP}, unmeasured, as in the API-at-scale
 * section: the figure is of a JVM whose JSON and HTTP code the JIT has compiled.
 */
final class QueryBench {
  private static final int WARM_UP = 5;
  private static final Duration API_WARM_UP = Duration.ofSeconds(5);
  private static final String POINT = "SELECT * EXCLUDE (kafka_partition, kafka_offset) FROM read_parquet(%s) "
      + "WHERE twin_id = ? AND ts >= ? AND ts < ? ORDER BY ts";
  private static final String TREND = "SELECT date_trunc('hour', ts) AS bucket, avg(heart_rate) AS mean, "
      + "min(heart_rate) AS min, max(heart_rate) AS max, sum(heart_rate) AS sum, count(heart_rate) AS n "
      + "FROM read_parquet(%s) WHERE twin_id = ? AND ts >= ? AND ts < ? GROUP BY 1 ORDER BY 1";

  private QueryBench() {}

  static List<Figure> run(HttpApi api, Path warehouse, Path work, String twin, int samples, PrintStream log)
      throws Exception {
    Path file = SortedFile.write(warehouse, work.resolve("health-sorted.parquet"));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = db.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      Instant to = newest(db, file, twin).minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
      Instant dayAgo = to.minus(Duration.ofDays(1));
      Instant monthAgo = to.minus(Duration.ofDays(30));
      String point = "/api/v1/twins/" + twin + "/export?table=" + Tables.HEALTH_EVENTS + "&format=json&from=" + dayAgo
          + "&to=" + to;
      String trend = "/api/v1/twins/" + twin + "/health/trends?metric=heart_rate&bucket=hour&from=" + monthAgo + "&to=" + to;
      Figure p = compare("API point query vs DuckDB on a sorted file", api, point, "rows", db, POINT, file, twin, dayAgo,
          to, samples, log);
      Figure t = compare("API 30-day hourly trend vs DuckDB on a sorted file", api, trend, "points", db, TREND, file, twin,
          monthAgo, to, samples, log);
      return List.of(p, t);
    }
  }

  private static Figure compare(String name, HttpApi api, String path, String arrayField, Connection db, String sql,
      Path file, String twin, Instant from, Instant to, int samples, PrintStream log) throws Exception {
    int warmUpRequests = api.warmUp(() -> path, API_WARM_UP);
    List<Double> http = new ArrayList<>();
    List<Double> direct = new ArrayList<>();
    int apiRows = 0;
    int dbRows = 0;
    for (int i = 0; i < WARM_UP + samples; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = api.get(path);
      long t1 = System.nanoTime();
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
      }
      int rows = SortedFile.query(db, sql, file, twin, from, to);
      long t2 = System.nanoTime();
      if (i == 0) {
        apiRows = HttpApi.parse(r.body()).get(arrayField).size();
        dbRows = rows;
      }
      if (i >= WARM_UP) {
        http.add((t1 - t0) / 1e6);
        direct.add((t2 - t1) / 1e6);
      }
    }
    if (apiRows != dbRows) {
      throw new IllegalStateException(name + ": the API answered " + apiRows + " " + arrayField + ", DuckDB on the file "
          + dbRows + " for " + from + ".." + to);
    }
    log.printf("  %s: %d %s each, API %.1f ms, DuckDB %.1f ms (medians)%n", name, apiRows, arrayField,
        Samples.of(http).median(), Samples.of(direct).median());
    return Figure.of(name, new Measure("API over HTTP", "ms", Samples.of(http)),
        new Measure("DuckDB, sorted Parquet", "ms", Samples.of(direct)),
        String.format("twin %s, %s..%s, %d %s in both answers; HTTP time includes auth, JSON and the connection's "
            + "round trip; DuckDB time includes fetching every value; after %d unmeasured API requests (%d s)", twin,
            from, to, apiRows, arrayField, warmUpRequests, API_WARM_UP.toSeconds()),
        Goal.ratioAtMost(1.5));
  }

  private static Instant newest(Connection db, Path file, String twin) throws Exception {
    try (PreparedStatement s =
        db.prepareStatement("SELECT epoch_ms(max(ts)) FROM read_parquet(" + literal(file) + ") WHERE twin_id = ?")) {
      s.setString(1, twin);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return Instant.ofEpochMilli(rs.getLong(1));
      }
    }
  }

  private static String literal(Path file) {
    return "'" + file.toString().replace("'", "''") + "'";
  }
}
