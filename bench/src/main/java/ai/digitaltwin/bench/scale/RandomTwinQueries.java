package ai.digitaltwin.bench.scale;

import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.bench.stack.SortedFile;
import ai.digitaltwin.schemas.Tables;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One kind of per-twin query asked for a different random twin each time, over HTTP of the API and, right
 * after, of DuckDB directly on the sorted Parquet file, for the same twin and window: the API's caches see a
 * new twin almost every request, as with many users. Every answer pair must have the same number of rows.
 *
 * <p>The API is first asked the same kind of query for other random twins for a while, unmeasured: a server
 * that has just started runs its JSON and HTTP code interpreted until the JIT has compiled it, and the first
 * few hundred exports took half as long again as the ones after (22.8 against 14-15 ms p50 at 1,000 twins).
 * A service answers from a warm JVM; the cold start is not what the figure is about.
 */
final class RandomTwinQueries {
  static final String POINT = "SELECT * EXCLUDE (kafka_partition, kafka_offset) FROM read_parquet(%s) "
      + "WHERE twin_id = ? AND ts >= ? AND ts < ? ORDER BY ts";
  static final String TREND = "SELECT date_trunc('hour', ts) AS bucket, avg(heart_rate) AS mean, "
      + "min(heart_rate) AS min, max(heart_rate) AS max, sum(heart_rate) AS sum, count(heart_rate) AS n "
      + "FROM read_parquet(%s) WHERE twin_id = ? AND ts >= ? AND ts < ? GROUP BY 1 ORDER BY 1";
  private static final int WARM_UP = 5;

  /** Milliseconds per request of each side, the rows of every answer, and the unmeasured warm-up requests. */
  record Timings(Samples api, Samples direct, long rows, int warmUpRequests, Duration warmUp) {}

  /** A query: its API path for a twin and window, the array of the JSON answer, the reference SQL. */
  record Query(String path, String arrayField, String sql) {
    static Query export() {
      return new Query(
          "/api/v1/twins/%s/export?table=" + Tables.HEALTH_EVENTS + "&format=json&from=%s&to=%s", "rows", POINT);
    }

    static Query hourlyTrend() {
      return new Query("/api/v1/twins/%s/health/trends?metric=heart_rate&bucket=hour&from=%s&to=%s", "points", TREND);
    }
  }

  private RandomTwinQueries() {}

  static Timings run(Query query, HttpApi api, Connection db, Path file, List<String> twins, Instant from, Instant to,
      int samples, long seed, Duration warmUp) throws Exception {
    Random others = new Random(~seed); // another sequence of twins than the measured one
    int warmUpRequests =
        api.warmUp(() -> String.format(query.path(), twins.get(others.nextInt(twins.size())), from, to), warmUp);
    Random random = new Random(seed);
    List<Double> http = new ArrayList<>();
    List<Double> direct = new ArrayList<>();
    long rows = 0;
    for (int i = 0; i < WARM_UP + samples; i++) {
      String twin = twins.get(random.nextInt(twins.size()));
      String path = String.format(query.path(), twin, from, to);
      long t0 = System.nanoTime();
      HttpResponse<String> r = api.get(path);
      long t1 = System.nanoTime();
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
      }
      int dbRows = SortedFile.query(db, query.sql(), file, twin, from, to);
      long t2 = System.nanoTime();
      int apiRows = HttpApi.parse(r.body()).get(query.arrayField()).size();
      if (apiRows != dbRows) {
        throw new IllegalStateException("GET " + path + " answered " + apiRows + " " + query.arrayField()
            + ", DuckDB on the sorted file " + dbRows);
      }
      if (i >= WARM_UP) {
        http.add((t1 - t0) / 1e6);
        direct.add((t2 - t1) / 1e6);
        rows += apiRows;
      }
    }
    return new Timings(Samples.of(http), Samples.of(direct), rows, warmUpRequests, warmUp);
  }
}
