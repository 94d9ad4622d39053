package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import org.apache.flink.table.data.RowData;

/** Positions of {@code health_events} columns (catalog TableDefinitions.HEALTH_EVENTS) and the reverse of HealthRows. */
final class HealthColumns {
  static final int EVENT_ID = 0;
  static final int TWIN_ID = 1;
  static final int TS = 2;
  static final int HEART_RATE = 3;
  static final int SYSTOLIC = 4;
  static final int DIASTOLIC = 5;
  static final int SPO2 = 6;
  static final int TEMP = 7;
  static final int RESP = 8;
  static final int HRV = 9;
  static final int STEPS = 10;
  static final int STRESS = 11;
  static final int ENERGY = 12;
  static final int ACTIVITY = 13;
  static final int SOURCE = 14;
  static final int TS_PRECISION = 6;

  private HealthColumns() {}

  static long ts(RowData row) {
    return row.getTimestamp(TS, TS_PRECISION).getMillisecond();
  }

  static Double dbl(RowData row, int pos) {
    return row.isNullAt(pos) ? null : row.getDouble(pos);
  }

  static String str(RowData row, int pos) {
    return row.isNullAt(pos) ? null : row.getString(pos).toString();
  }

  static HealthEvent event(RowData row) {
    return HealthEvent.newBuilder()
        .setEventId(str(row, EVENT_ID))
        .setTwinId(str(row, TWIN_ID))
        .setTs(Instant.ofEpochMilli(ts(row)))
        .setHeartRate(dbl(row, HEART_RATE))
        .setSystolicBp(dbl(row, SYSTOLIC))
        .setDiastolicBp(dbl(row, DIASTOLIC))
        .setSpo2(dbl(row, SPO2))
        .setBodyTempC(dbl(row, TEMP))
        .setRespRate(dbl(row, RESP))
        .setHrvMs(dbl(row, HRV))
        .setSteps(row.getInt(STEPS))
        .setStress(dbl(row, STRESS))
        .setEnergy(dbl(row, ENERGY))
        .setActivity(str(row, ACTIVITY))
        .setSource(str(row, SOURCE))
        .build();
  }
}
