package ai.digitaltwin.jobs.batch;

import static ai.digitaltwin.jobs.batch.HealthColumns.dbl;

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

  /** One {@code health_events} row, on the twin's local {@code day}. */
  static DayStats ofReading(RowData row, int day) {
    long ts = HealthColumns.ts(row);
    DayStats s = empty(row.getString(HealthColumns.TWIN_ID).toString(), day);
    s.readings = 1;
    s.minTs = ts;
    s.maxTs = ts;
    Double hr = dbl(row, HealthColumns.HEART_RATE);
    if (hr != null && hr >= 20 && hr <= 230) {
      s.hrSum = hr;
      s.hrCount = 1;
      s.hrMin = hr;
      s.hrMax = hr;
      String activity = HealthColumns.str(row, HealthColumns.ACTIVITY);
      int steps = row.getInt(HealthColumns.STEPS);
      if (steps <= 10 && !"exercise".equals(activity) && !"commute".equals(activity)) {
        s.restSum = hr;
        s.restCount = 1;
      }
    }
    Double spo2 = dbl(row, HealthColumns.SPO2);
    if (spo2 != null) {
      s.spo2Sum = spo2;
      s.spo2Count = 1;
    }
    Double sys = dbl(row, HealthColumns.SYSTOLIC);
    if (sys != null) {
      s.sysSum = sys;
      s.sysCount = 1;
    }
    Double temp = dbl(row, HealthColumns.TEMP);
    if (temp != null) {
      s.tempMax = temp;
    }
    s.steps = row.getInt(HealthColumns.STEPS);
    s.sleepReadings = "sleep".equals(HealthColumns.str(row, HealthColumns.ACTIVITY)) ? 1 : 0;
    return s;
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
