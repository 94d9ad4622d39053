package ai.digitaltwin.bench.scale;

import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.sink.ConsumedRows;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.io.TaskWriter;
import org.apache.flink.table.data.RowData;

/**
 * Where one simulation thread's events go instead of Kafka: each health and behaviour event becomes the row
 * the stream job writes ({@link ConsumedRows}), into open Iceberg data files of the
 * tables, partitioned as the catalog defines them. {@link #complete} closes the files of one commit and
 * opens new ones. The thread's index stands for the Kafka partition, a counter for the offset. Not
 * thread-safe: one per thread.
 */
final class TableRows implements Emitter {
  /** The data files one commit adds, per table. */
  record Files(List<DataFile> health, List<DataFile> behavior) {}

  private final ConsumedRows<HealthEvent> healthRows = new ConsumedRows<>(HealthEvent.class, Tables.HEALTH_EVENTS);
  private final ConsumedRows<BehaviorEvent> behaviorRows = new ConsumedRows<>(BehaviorEvent.class, Tables.BEHAVIOR_EVENTS);
  private final TableWriters writers;
  private final int partition;
  private TaskWriter<RowData> health;
  private TaskWriter<RowData> behavior;
  private long offset;
  long healthCount;
  long behaviorCount;

  TableRows(TableWriters writers, int partition) {
    this.writers = writers;
    this.partition = partition;
    open();
  }

  private void open() {
    health = writers.health(partition);
    behavior = writers.behavior(partition);
  }

  @Override
  public void health(HealthEvent e) {
    write(health, healthRows.map(new Consumed<>(e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(), partition,
        offset++, e)));
    healthCount++;
  }

  @Override
  public void behavior(BehaviorEvent e) {
    write(behavior, behaviorRows.map(new Consumed<>(e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(), partition,
        offset++, e)));
    behaviorCount++;
  }

  @Override
  public void groundTruth(GroundTruthEpisode event) {} // what the API serves is health and behaviour

  /** Closes the open files and returns them; new files are open for the next commit. */
  Files complete() {
    try {
      Files out = new Files(new ArrayList<>(List.of(health.complete().dataFiles())),
          new ArrayList<>(List.of(behavior.complete().dataFiles())));
      open();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(TaskWriter<RowData> writer, RowData row) {
    try {
      writer.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
