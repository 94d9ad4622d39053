package ai.digitaltwin.api.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trend's integer bucketing gives exactly what {@code date_trunc} gives in the API's time zone (UTC),
 * on a real DuckDB: bucket edges, the microsecond before them, instants before 1970, both widths.
 */
class TrendSqlTest {
  /** The night Europe's clocks change: nothing to do with UTC buckets, which must not notice. */
  static final Instant T0 = Instant.parse("2026-03-29T00:00:00Z");
  static final String ROWS =
      "(SELECT twin_id, ts, CAST(heart_rate AS DOUBLE) AS heart_rate FROM (VALUES"
          + " ('a', TIMESTAMPTZ '1969-12-31 22:30:00+00', 61.0),"
          + " ('a', TIMESTAMPTZ '1969-12-31 23:59:59.999999+00', 62.0),"
          + " ('a', TIMESTAMPTZ '1970-01-01 00:00:00+00', 63.0),"
          + " ('a', TIMESTAMPTZ '2026-03-29 00:59:59.999999+00', 64.0),"
          + " ('a', TIMESTAMPTZ '2026-03-29 01:00:00+00', 65.0),"
          + " ('a', TIMESTAMPTZ '2026-03-29 01:00:00.000001+00', NULL),"
          + " ('a', TIMESTAMPTZ '2026-03-29 23:59:59+00', 66.5),"
          + " ('a', TIMESTAMPTZ '2026-03-30 00:00:00+00', 67.0),"
          + " ('b', TIMESTAMPTZ '2026-03-29 01:30:00+00', 99.0)"
          + ") AS t(twin_id, ts, heart_rate))";
  static final String DATE_TRUNC =
      "SELECT date_trunc('%2$s', ts) AS bucket, avg(heart_rate) AS mean, min(heart_rate) AS min,"
          + " max(heart_rate) AS max, sum(heart_rate) AS sum, count(heart_rate) AS n FROM %1$s"
          + " WHERE twin_id = ? AND ts >= ? AND ts < ? GROUP BY 1 ORDER BY 1";

  static Connection db;

  @BeforeAll
  static void open() throws Exception {
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("SET TimeZone = 'UTC'"); // as the API's database
    }
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void bucketsAreThoseOfDateTruncForHoursAndDays() throws Exception {
    for (String bucket : TrendService.BUCKETS) {
      String trend = TrendService.TREND.formatted(ROWS, "heart_rate", TrendService.WIDTHS.get(bucket));
      List<List<Object>> ours = rows(trend);
      assertThat(ours).as(bucket).isEqualTo(rows(DATE_TRUNC.formatted(ROWS, bucket))).hasSizeGreaterThan(3);
    }
  }

  @Test
  void hoursAroundMidnightAndBefore1970() throws Exception {
    List<List<Object>> hours = rows(TrendService.TREND.formatted(ROWS, "heart_rate", TrendService.WIDTHS.get("hour")));
    assertThat(hours).extracting(r -> r.get(0).toString()).containsExactly(
        "1969-12-31T22:00Z", "1969-12-31T23:00Z", "1970-01-01T00:00Z", "2026-03-29T00:00Z", "2026-03-29T01:00Z",
        "2026-03-29T23:00Z", "2026-03-30T00:00Z");
    // 01:00:00 and 01:00:00.000001 share an hour; the null reading is not counted
    assertThat(hours.get(4)).containsExactly(hours.get(4).get(0), 65.0, 65.0, 65.0, 65.0, 1L);
  }

  private static List<List<Object>> rows(String sql) throws Exception {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, "a");
      p.setObject(2, Instant.parse("1969-12-31T00:00:00Z").atOffset(ZoneOffset.UTC));
      p.setObject(3, T0.plusSeconds(86_400 * 2).atOffset(ZoneOffset.UTC));
      List<List<Object>> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    }
  }
}
