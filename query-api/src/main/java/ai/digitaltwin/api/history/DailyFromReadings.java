package ai.digitaltwin.api.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * What {@code daily_summaries} holds, computed by DuckDB from the raw readings instead: per twin and
 * local day (midnight in the zone of the twin's newest {@code twin_registry} row, UTC without one) the
 * readings, heart-rate mean, min and max (readings 20–230 only) and steps, over the data files of one
 * {@code health_events} snapshot. The reference the rollup is checked and measured against.
 */
public final class DailyFromReadings {
  /** One twin's local day. */
  public record Figures(long readings, Double hrMean, Double hrMin, Double hrMax, long steps) {}

  private DailyFromReadings() {}

  /** The aggregate over {@code files} (local Parquet paths); needs the table {@link #loadZones} creates. */
  public static String sql(List<String> files) {
    StringBuilder list = new StringBuilder();
    files.forEach(f -> list.append(list.length() == 0 ? "" : ", ").append('\'').append(f.replace("'", "''")).append('\''));
    return "SELECT h.twin_id, CAST(timezone(coalesce(z.tz, 'UTC'), h.ts) AS DATE) AS day, count(*) AS readings,"
        + " avg(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230) AS hr_mean,"
        + " min(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230) AS hr_min,"
        + " max(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230) AS hr_max, sum(steps) AS steps"
        + " FROM read_parquet([" + list + "]) h LEFT JOIN zones z USING (twin_id) GROUP BY 1, 2";
  }

  /** Creates the table {@code zones (twin_id, tz)}: each twin's newest zone in {@code registry}. */
  public static void loadZones(Connection duck, Table registry) throws SQLException {
    Map<String, String> zones = new HashMap<>();
    Map<String, OffsetDateTime> asOf = new HashMap<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(registry).build()) {
      for (Record r : rows) {
        String twin = (String) r.getField("twin_id");
        OffsetDateTime ts = (OffsetDateTime) r.getField("ts");
        if (r.getField("timezone") != null && (asOf.get(twin) == null || !ts.isBefore(asOf.get(twin)))) {
          zones.put(twin, (String) r.getField("timezone"));
          asOf.put(twin, ts);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE zones (twin_id VARCHAR, tz VARCHAR)");
    }
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO zones VALUES (?, ?)")) {
      for (Map.Entry<String, String> z : zones.entrySet()) {
        insert.setString(1, z.getKey());
        insert.setString(2, z.getValue());
        insert.execute();
      }
    }
  }

  /**
   * {@code twin|day} → figures over {@code files}, the local paths of a {@code health_events} snapshot's
   * data files ({@link IcebergViews#dataFiles}, or copies through a {@link DataFileCache}).
   */
  public static Map<String, Figures> compute(Connection duck, List<String> files, Table registry) throws SQLException {
    loadZones(duck, registry);
    Map<String, Figures> out = new HashMap<>();
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql(files))) {
      while (rs.next()) {
        out.put(key(rs.getString(1), rs.getObject(2, LocalDate.class)),
            new Figures(rs.getLong(3), (Double) rs.getObject(4), (Double) rs.getObject(5), (Double) rs.getObject(6), rs.getLong(7)));
      }
    }
    return out;
  }

  public static String key(String twinId, LocalDate day) {
    return twinId + "|" + day;
  }
}
