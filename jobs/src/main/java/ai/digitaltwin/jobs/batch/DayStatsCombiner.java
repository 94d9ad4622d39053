package ai.digitaltwin.jobs.batch;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;

/**
 * Sums readings per twin and local day inside each reading subtask and emits one {@link DayStats} per
 * twin and day when its input ends (BATCH only: a stream never ends). The keyed sum after it then sorts
 * a few rows per twin and day instead of one per reading: with one record per reading, sorting them for
 * the keyed step took as long as reading the files.
 */
final class DayStatsCombiner extends AbstractStreamOperator<DayStats>
    implements OneInputStreamOperator<RowData, DayStats>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  /** Accumulator: the readings the rollup read, over all subtasks. */
  static final String READINGS = "rollup-readings";

  private final LocalDays zones;
  private transient Map<StringData, Twin> twins;
  private transient LongCounter read;

  DayStatsCombiner(LocalDays zones) {
    this.zones = zones;
  }

  @Override
  public void open() throws Exception {
    super.open();
    read = new LongCounter();
    getRuntimeContext().addAccumulator(READINGS, read);
  }

  /** One twin's days seen by this subtask; the twin's id is decoded once, not per reading. */
  private static final class Twin {
    final String id;
    final ZoneId zone;
    final Map<Integer, DayStats> days = new HashMap<>();

    Twin(String id, ZoneId zone) {
      this.id = id;
      this.zone = zone;
    }
  }

  @Override
  public void processElement(StreamRecord<RowData> element) {
    if (twins == null) {
      twins = new HashMap<>();
    }
    RowData row = element.getValue();
    read.add(1L);
    Twin twin = twins.get(row.getString(ReadingColumns.TWIN_ID));
    if (twin == null) {
      StringData key = row.getString(ReadingColumns.TWIN_ID);
      String id = key.toString();
      twin = new Twin(id, zones.zone(id));
      twins.put(StringData.fromString(id), twin);
    }
    int day = LocalDays.epochDay(twin.zone, ReadingColumns.ts(row));
    Twin of = twin;
    of.days.computeIfAbsent(day, d -> DayStats.empty(of.id, d)).addReading(row);
  }

  @Override
  public void endInput() {
    if (twins != null) {
      twins.values().forEach(t -> t.days.values().forEach(s -> output.collect(new StreamRecord<>(s))));
      twins = null;
    }
  }
}
