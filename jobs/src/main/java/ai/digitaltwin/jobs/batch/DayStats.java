package ai.digitaltwin.jobs.batch;

import static ai.digitaltwin.jobs.batch.HealthColumns.dbl;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;

/**
 * One twin's day, as a mergeable accumulator (a Flink POJO): sums and extremes of the vitals, resting
 * readings, steps, sleep readings, and episodes opened. Days are UTC days, like the tables' partitions.
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

  static DayStats empty(String twinId, long ts) {
    DayStats s = new DayStats();
    s.twinId = twinId;
    s.day = (int) Math.floorDiv(ts, 86_400_000L);
    s.key = twinId + "|" + s.day;
    return s;
  }

  /** One {@code health_events} row. */
  static DayStats ofReading(RowData row) {
    long ts = HealthColumns.ts(row);
    DayStats s = empty(row.getString(HealthColumns.TWIN_ID).toString(), ts);
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

  /** One opening record of an anomaly episode. */
  static DayStats ofAnomaly(String twinId, long detectedAt) {
    DayStats s = empty(twinId, detectedAt);
    s.anomalies = 1;
    return s;
  }

  static DayStats merge(DayStats a, DayStats b) {
    DayStats s = empty(a.twinId, (long) a.day * 86_400_000L);
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
  RowData row() {
    Double interval = readings > 1 ? (maxTs - minTs) / (double) (readings - 1) : null;
    return GenericRowData.of(
        StringData.fromString(twinId),
        day,
        readings,
        hrCount == 0 ? null : hrSum / hrCount,
        hrCount == 0 ? null : hrMin,
        hrCount == 0 ? null : hrMax,
        restCount == 0 ? null : restSum / restCount,
        spo2Count == 0 ? null : spo2Sum / spo2Count,
        sysCount == 0 ? null : sysSum / sysCount,
        tempMax == -Double.MAX_VALUE ? null : tempMax,
        readings == 0 ? null : steps,
        interval == null ? null : sleepReadings * interval / 3_600_000.0,
        anomalies);
  }
}
