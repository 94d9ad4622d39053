package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

/**
 * One twin's day, as a mergeable accumulator (a Flink POJO): sums and extremes of the vitals, resting
 * readings, steps, sleep readings, and episodes opened. Days are the twin's local days ({@link LocalDays}).
 */
public class DayStats {
  public String key;
  public String twinId;
  public int day;
  public long readings;
  public double hrSum;
  public long hrCount;
  public double hrMin = Double.MAX_VALUE;
  public double hrMax = -Double.MAX_VALUE;
  public double restSum;
  public long restCount;
  public double spo2Sum;
  public long spo2Count;
  public double sysSum;
  public long sysCount;
  public double tempMax = -Double.MAX_VALUE;
  public long steps;
  public long sleepReadings;
  public long minTs = Long.MAX_VALUE;
  public long maxTs = Long.MIN_VALUE;
  public int anomalies;

  public DayStats() {}

  static DayStats empty(String twinId, int day) {
    DayStats s = new DayStats();
    s.twinId = twinId;
    s.day = day;
    s.key = twinId + "|" + s.day;
    return s;
  }

  /** Adds one {@code health_events} row, projected to {@link ReadingColumns}, to this day. */
  void addReading(RowData row) {
    long ts = ReadingColumns.ts(row);
    readings++;
    minTs = Math.min(minTs, ts);
    maxTs = Math.max(maxTs, ts);
    int stepsNow = row.getInt(ReadingColumns.STEPS);
    String activity = row.isNullAt(ReadingColumns.ACTIVITY) ? null : row.getString(ReadingColumns.ACTIVITY).toString();
    if (!row.isNullAt(ReadingColumns.HEART_RATE)) {
      double hr = row.getDouble(ReadingColumns.HEART_RATE);
      if (hr >= 20 && hr <= 230) {
        hrSum += hr;
        hrCount++;
        hrMin = Math.min(hrMin, hr);
        hrMax = Math.max(hrMax, hr);
        if (stepsNow <= 10 && !"exercise".equals(activity) && !"commute".equals(activity)) {
          restSum += hr;
          restCount++;
        }
      }
    }
    if (!row.isNullAt(ReadingColumns.SPO2)) {
      spo2Sum += row.getDouble(ReadingColumns.SPO2);
      spo2Count++;
    }
    if (!row.isNullAt(ReadingColumns.SYSTOLIC)) {
      sysSum += row.getDouble(ReadingColumns.SYSTOLIC);
      sysCount++;
    }
    if (!row.isNullAt(ReadingColumns.TEMP)) {
      tempMax = Math.max(tempMax, row.getDouble(ReadingColumns.TEMP));
    }
    steps += stepsNow;
    if ("sleep".equals(activity)) {
      sleepReadings++;
    }
  }

  /** One opening record of an anomaly episode, on the twin's local {@code day}. */
  static DayStats ofAnomaly(String twinId, int day) {
    DayStats s = empty(twinId, day);
    s.anomalies = 1;
    return s;
  }

  static DayStats merge(DayStats a, DayStats b) {
    DayStats s = empty(a.twinId, a.day);
    s.readings = a.readings + b.readings;
    s.hrSum = a.hrSum + b.hrSum;
    s.hrCount = a.hrCount + b.hrCount;
    s.hrMin = Math.min(a.hrMin, b.hrMin);
    s.hrMax = Math.max(a.hrMax, b.hrMax);
    s.restSum = a.restSum + b.restSum;
    s.restCount = a.restCount + b.restCount;
    s.spo2Sum = a.spo2Sum + b.spo2Sum;
    s.spo2Count = a.spo2Count + b.spo2Count;
    s.sysSum = a.sysSum + b.sysSum;
    s.sysCount = a.sysCount + b.sysCount;
    s.tempMax = Math.max(a.tempMax, b.tempMax);
    s.steps = a.steps + b.steps;
    s.sleepReadings = a.sleepReadings + b.sleepReadings;
    s.minTs = Math.min(a.minTs, b.minTs);
    s.maxTs = Math.max(a.maxTs, b.maxTs);
    s.anomalies = a.anomalies + b.anomalies;
    return s;
  }

  /** A row of {@code daily_summaries}; sleep hours assume readings evenly spread over the day's span. */
  Record record(Schema schema) {
    Double interval = readings > 1 ? (maxTs - minTs) / (double) (readings - 1) : null;
    GenericRecord r = GenericRecord.create(schema);
    r.setField("twin_id", twinId);
    r.setField("day", LocalDate.ofEpochDay(day));
    r.setField("readings", readings);
    r.setField("hr_mean", hrCount == 0 ? null : hrSum / hrCount);
    r.setField("hr_min", hrCount == 0 ? null : hrMin);
    r.setField("hr_max", hrCount == 0 ? null : hrMax);
    r.setField("resting_hr", restCount == 0 ? null : restSum / restCount);
    r.setField("spo2_mean", spo2Count == 0 ? null : spo2Sum / spo2Count);
    r.setField("systolic_mean", sysCount == 0 ? null : sysSum / sysCount);
    r.setField("temp_max", tempMax == -Double.MAX_VALUE ? null : tempMax);
    r.setField("steps", readings == 0 ? null : steps);
    r.setField("sleep_hours", interval == null ? null : sleepReadings * interval / 3_600_000.0);
    r.setField("anomalies", anomalies);
    r.setField("hr_count", hrCount);
    r.setField("resting_count", restCount);
    r.setField("spo2_count", spo2Count);
    r.setField("systolic_count", sysCount);
    r.setField("sleep_readings", sleepReadings);
    r.setField("first_ts", readings == 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(minTs), ZoneOffset.UTC));
    r.setField("last_ts", readings == 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(maxTs), ZoneOffset.UTC));
    return r;
  }

  /**
   * A day already in {@code daily_summaries}, back as the accumulator it was written from (its means times
   * their counts give the sums again), so that new readings of the day can be added to it.
   */
  static DayStats of(Record r) {
    DayStats s = empty((String) r.getField("twin_id"), (int) ((LocalDate) r.getField("day")).toEpochDay());
    s.readings = (Long) r.getField("readings");
    s.hrCount = count(r, "hr_count");
    if (s.hrCount > 0) {
      s.hrSum = (Double) r.getField("hr_mean") * s.hrCount;
      s.hrMin = (Double) r.getField("hr_min");
      s.hrMax = (Double) r.getField("hr_max");
    }
    s.restCount = count(r, "resting_count");
    s.restSum = s.restCount == 0 ? 0 : (Double) r.getField("resting_hr") * s.restCount;
    s.spo2Count = count(r, "spo2_count");
    s.spo2Sum = s.spo2Count == 0 ? 0 : (Double) r.getField("spo2_mean") * s.spo2Count;
    s.sysCount = count(r, "systolic_count");
    s.sysSum = s.sysCount == 0 ? 0 : (Double) r.getField("systolic_mean") * s.sysCount;
    if (r.getField("temp_max") != null) {
      s.tempMax = (Double) r.getField("temp_max");
    }
    s.steps = r.getField("steps") == null ? 0 : (Long) r.getField("steps");
    s.sleepReadings = count(r, "sleep_readings");
    if (s.readings > 0) {
      s.minTs = ((OffsetDateTime) r.getField("first_ts")).toInstant().toEpochMilli();
      s.maxTs = ((OffsetDateTime) r.getField("last_ts")).toInstant().toEpochMilli();
    }
    s.anomalies = r.getField("anomalies") == null ? 0 : (Integer) r.getField("anomalies");
    return s;
  }

  private static long count(Record r, String column) {
    Object n = r.getField(column);
    if (n == null) {
      throw new IllegalStateException(Tables.DAILY_SUMMARIES + " row of " + r.getField("twin_id") + " on " + r.getField("day") + " has no " + column);
    }
    return (Long) n;
  }
}
