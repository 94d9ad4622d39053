package ai.digitaltwin.jobs.batch;

import java.time.LocalDate;
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
    return r;
  }
}
