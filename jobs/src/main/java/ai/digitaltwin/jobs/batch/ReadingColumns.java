package ai.digitaltwin.jobs.batch;

import java.util.List;
import org.apache.flink.table.data.RowData;

/**
 * The columns of {@code health_events} a rollup reads, in the table's order (a projection keeps it), and
 * their positions in the projected rows: the event id, source and the vitals no summary holds are not read.
 */
final class ReadingColumns {
  static final List<String> NAMES =
      List.of("twin_id", "ts", "heart_rate", "systolic_bp", "spo2", "body_temp_c", "steps", "activity");
  static final int TWIN_ID = 0;
  static final int TS = 1;
  static final int HEART_RATE = 2;
  static final int SYSTOLIC = 3;
  static final int SPO2 = 4;
  static final int TEMP = 5;
  static final int STEPS = 6;
  static final int ACTIVITY = 7;

  private ReadingColumns() {}

  static long ts(RowData row) {
    return row.getTimestamp(TS, HealthColumns.TS_PRECISION).getMillisecond();
  }
}
