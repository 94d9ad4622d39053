package ai.digitaltwin.api.daily;

import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A twin's figures per local day (midnight in the zone of its profile, UTC without one), as {@code
 * daily_summaries} defines them: readings, heart rate mean, min and max (readings of 20–230 bpm), resting
 * heart rate, SpO2 and systolic means, highest temperature, steps, sleep hours. A day the rollup answers
 * ({@link RolledDays}) is read from {@code daily_summaries}; any other day (today, days after the last
 * rollup, days with readings appended since) is computed from {@code health_events} by the same
 * definitions, so the answer is the same either way and never older than the readings. Each row says
 * where it came from ({@code source}: {@code rollup} or {@code raw}).
 */
public final class DailyFigures {
  /** Where a day's figures may come from. */
  public enum Source {
    /** daily_summaries for the days it answers, the readings for the rest. */
    AUTO,
    /** Always the readings (to check the rollup against, or when it is in doubt). */
    RAW
  }

  /** The figures of a day, in order, after {@code day} and {@code source}. */
  public static final List<String> COLUMNS =
      List.of("readings", "hr_mean", "hr_min", "hr_max", "resting_hr", "spo2_mean", "systolic_mean", "temp_max", "steps", "sleep_hours");

  /** The longest span asked at once. */
  public static final int MAX_DAYS = 400;

  /**
   * The rollup's definitions (jobs {@code batch/DayStats}) over {@code %1$s} the twin's readings, joined
   * to {@code %2$s} the days asked as {@code (day, lo, hi)} in epoch microseconds; sleep hours assume the
   * readings evenly spread over the span of the day's first to last one, in milliseconds.
   */
  static final String RAW =
      "SELECT CAST(d.day AS VARCHAR) AS day, 'raw' AS source, count(*) AS readings,"
          + " avg(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_mean,"
          + " min(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_min,"
          + " max(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_max,"
          + " avg(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230 AND h.steps <= 10"
          + " AND coalesce(h.activity, '') NOT IN ('exercise', 'commute')) AS resting_hr,"
          + " avg(h.spo2) AS spo2_mean, avg(h.systolic_bp) AS systolic_mean, max(h.body_temp_c) AS temp_max,"
          + " CAST(sum(h.steps) AS BIGINT) AS steps,"
          + " CASE WHEN count(*) > 1 THEN count(*) FILTER (WHERE h.activity = 'sleep')"
          + " * ((max(epoch_ms(h.ts)) - min(epoch_ms(h.ts))) / CAST(count(*) - 1 AS DOUBLE)) / 3600000.0 END AS sleep_hours"
          + " FROM %1$s h JOIN (VALUES %2$s) AS d(day, lo, hi) ON epoch_us(h.ts) >= d.lo AND epoch_us(h.ts) < d.hi"
          + " WHERE h.twin_id = ? GROUP BY d.day";

  /** The rollup's rows of the days {@code %1$s}; a row of episodes without readings is not a day of readings. */
  static final String ROLLED =
      "SELECT CAST(day AS VARCHAR) AS day, 'rollup' AS source, readings, hr_mean, hr_min, hr_max, resting_hr,"
          + " spo2_mean, systolic_mean, temp_max, steps, sleep_hours FROM " + Tables.DAILY_SUMMARIES
          + " WHERE twin_id = ? AND day IN (%1$s) AND readings > 0";

  static final String ZONE =
      "SELECT timezone FROM " + Tables.TWIN_REGISTRY + " WHERE twin_id = ? AND timezone IS NOT NULL ORDER BY ts DESC LIMIT 1";

  private final TwinHistory history;
  private final RolledDays rolled;

  public DailyFigures(TwinHistory history) {
    this.history = history;
    this.rolled = new RolledDays(history.views());
  }

  /**
   * The twin's days {@code from} (inclusive) to {@code to} (exclusive) that have readings, oldest first:
   * {@code day} (ISO date), {@code source}, then {@link #COLUMNS}.
   */
  public QueryResult days(String twinId, LocalDate from, LocalDate to, Source source) {
    ZoneId zone = zone(twinId);
    RolledDays.Coverage coverage = source == Source.RAW ? RolledDays.NONE : rolled.now();
    List<String> rollup = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      long lo = startMs(day, zone);
      long hi = startMs(day.plusDays(1), zone);
      if (coverage.answers(twinId, lo, hi)) {
        rollup.add("DATE '" + day + "'");
      } else {
        raw.append(raw.length() == 0 ? "" : ", ")
            .append("(DATE '").append(day).append("', ").append(lo * 1000).append(", ").append(hi * 1000).append(')');
      }
    }
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (!rollup.isEmpty()) {
      parts.add(ROLLED.formatted(String.join(", ", rollup)));
      params.add(twinId);
    }
    if (raw.length() > 0) {
      String readings = history.relation(Tables.HEALTH_EVENTS, twinId, java.time.Instant.ofEpochMilli(startMs(from, zone)),
          java.time.Instant.ofEpochMilli(startMs(to, zone)));
      parts.add(RAW.formatted(readings, raw));
      params.add(twinId);
    }
    if (parts.isEmpty()) {
      return new QueryResult(header(), List.of());
    }
    return history.query(String.join(" UNION ALL ", parts) + " ORDER BY day", params);
  }

  /** The twin's zone as the rollup takes it: its newest registry row naming one; UTC if none or unknown. */
  public ZoneId zone(String twinId) {
    QueryResult row = history.query(ZONE, List.of(twinId));
    if (row.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of((String) row.rows().get(0).get(0));
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static long startMs(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static List<String> header() {
    List<String> columns = new ArrayList<>(List.of("day", "source"));
    columns.addAll(COLUMNS);
    return columns;
  }
}
