package ai.digitaltwin.api.daily;

import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.time.DateTimeException;
import java.time.Instant;
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

  /**
   * After {@link #COLUMNS} in {@link #select}'s relation: the readings behind {@code hr_mean}, {@code
   * spo2_mean} and {@code systolic_mean}, so that a mean over several days can be weighted by them.
   */
  public static final List<String> COUNTS = List.of("hr_count", "spo2_count", "systolic_count");

  /** The longest span asked at once. */
  public static final int MAX_DAYS = 400;

  /**
   * The rollup's definitions (jobs {@code batch/DayStats}) over {@code %1$s} the twin's readings, joined
   * to {@code %2$s} the days asked as {@code (day, lo, hi)} in epoch microseconds, for the twin {@code
   * %3$s} (a literal); sleep hours assume the readings evenly spread over the span of the day's first to
   * last one, in milliseconds.
   */
  static final String RAW =
      "SELECT h.twin_id, CAST(d.day AS VARCHAR) AS day, make_timestamptz(d.lo) AS day_start,"
          + " make_timestamptz(d.hi) AS day_end, 'raw' AS source, count(*) AS readings,"
          + " avg(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_mean,"
          + " min(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_min,"
          + " max(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_max,"
          + " avg(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230 AND h.steps <= 10"
          + " AND coalesce(h.activity, '') NOT IN ('exercise', 'commute')) AS resting_hr,"
          + " avg(h.spo2) AS spo2_mean, avg(h.systolic_bp) AS systolic_mean, max(h.body_temp_c) AS temp_max,"
          + " CAST(sum(h.steps) AS BIGINT) AS steps,"
          + " CASE WHEN count(*) > 1 THEN count(*) FILTER (WHERE h.activity = 'sleep')"
          + " * ((max(epoch_ms(h.ts)) - min(epoch_ms(h.ts))) / CAST(count(*) - 1 AS DOUBLE)) / 3600000.0 END AS sleep_hours,"
          + " count(h.heart_rate) FILTER (WHERE h.heart_rate BETWEEN 20 AND 230) AS hr_count,"
          + " count(h.spo2) AS spo2_count, count(h.systolic_bp) AS systolic_count"
          + " FROM %1$s h JOIN (VALUES %2$s) AS d(day, lo, hi) ON epoch_us(h.ts) >= d.lo AND epoch_us(h.ts) < d.hi"
          + " WHERE h.twin_id = %3$s GROUP BY h.twin_id, d.day, d.lo, d.hi";

  /**
   * The rollup's rows of the days {@code %1$s} (as in {@link #RAW}) of the twin {@code %2$s}; a row of
   * episodes without readings is not a day of readings.
   */
  static final String ROLLED =
      "SELECT s.twin_id, CAST(s.day AS VARCHAR) AS day, make_timestamptz(d.lo) AS day_start,"
          + " make_timestamptz(d.hi) AS day_end, 'rollup' AS source, s.readings, s.hr_mean, s.hr_min, s.hr_max,"
          + " s.resting_hr, s.spo2_mean, s.systolic_mean, s.temp_max, s.steps, s.sleep_hours, s.hr_count,"
          + " s.spo2_count, s.systolic_count"
          + " FROM " + Tables.DAILY_SUMMARIES + " s JOIN (VALUES %1$s) AS d(day, lo, hi) ON s.day = d.day"
          + " WHERE s.twin_id = %2$s AND s.readings > 0";

  /** An empty relation of the same columns, for a span without days. */
  static final String NONE =
      "SELECT twin_id, day, day_start, day_end, source, readings, hr_mean, hr_min, hr_max, resting_hr, spo2_mean,"
          + " systolic_mean, temp_max, steps, sleep_hours, hr_count, spo2_count, systolic_count"
          + " FROM (" + ROLLED + ") WHERE false";

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
   * {@code day} (ISO date), {@code day_start} and {@code day_end} (instants), {@code source}, then
   * {@link #COLUMNS} and {@link #COUNTS}.
   */
  public QueryResult days(String twinId, LocalDate from, LocalDate to, Source source) {
    String select = select(twinId, from, to, zone(twinId), source);
    return history.query("SELECT * EXCLUDE (twin_id) FROM (" + select + ") ORDER BY day", List.of());
  }

  /** As {@link #days}, each day as a record. */
  public List<DailyFigure> figures(String twinId, LocalDate from, LocalDate to, Source source) {
    return days(twinId, from, to, source).map(DailyFigure.class);
  }

  /**
   * A SELECT (no parameters) of the twin's local days that overlap {@code [from, to)} in {@code zone}:
   * {@code twin_id}, then the columns of {@link #days}. A zone other than the one the rollup takes for
   * the twin (an edit not yet in the registry table) computes every day from the readings.
   */
  public String select(String twinId, Instant from, Instant to, ZoneId zone) {
    LocalDate first = LocalDate.ofInstant(from, zone);
    LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
    Source source = zone.equals(zone(twinId)) ? Source.AUTO : Source.RAW;
    return select(twinId, first, last.plusDays(1), zone, source);
  }

  private String select(String twinId, LocalDate from, LocalDate to, ZoneId zone, Source source) {
    RolledDays.Coverage coverage = source == Source.RAW ? RolledDays.NONE : rolled.now();
    StringBuilder rollup = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    long rawFrom = Long.MAX_VALUE;
    long rawTo = Long.MIN_VALUE;
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      long lo = startMs(day, zone);
      long hi = startMs(day.plusDays(1), zone);
      boolean rolledUp = coverage.answers(twinId, lo, hi);
      if (!rolledUp) {
        rawFrom = Math.min(rawFrom, lo);
        rawTo = Math.max(rawTo, hi);
      }
      StringBuilder list = rolledUp ? rollup : raw;
      list.append(list.length() == 0 ? "" : ", ")
          .append("(DATE '").append(day).append("', ").append(lo * 1000).append(", ").append(hi * 1000).append(')');
    }
    String twin = "'" + twinId.replace("'", "''") + "'";
    List<String> parts = new ArrayList<>();
    if (rollup.length() > 0) {
      parts.add(ROLLED.formatted(rollup, twin));
    }
    if (raw.length() > 0) {
      // only the files of the span the raw days lie in (today and yesterday, typically)
      String readings = history.relation(Tables.HEALTH_EVENTS, twinId, Instant.ofEpochMilli(rawFrom), Instant.ofEpochMilli(rawTo));
      parts.add(RAW.formatted(readings, raw, twin));
    }
    return parts.isEmpty() ? NONE.formatted("(DATE '1970-01-01', 0, 0)", twin) : String.join(" UNION ALL ", parts);
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
}
