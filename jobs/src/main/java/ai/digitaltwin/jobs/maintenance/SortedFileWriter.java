package ai.digitaltwin.jobs.maintenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.flink.sink.TaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;

/**
 * Writes its input into new data files and, at the end of input, emits them (Java-serialized: a
 * {@code DataFile} has no Flink type). Placed after a keyBy in BATCH mode, its input arrives grouped by
 * key and ordered by timestamp within a key, so the files come out sorted by (twin, time).
 */
final class SortedFileWriter extends AbstractStreamOperator<byte[]>
    implements OneInputStreamOperator<RowData, byte[]>, BoundedOneInput {
  private final TaskWriterFactory<RowData> factory;
  private transient TaskWriter<RowData> writer;

  SortedFileWriter(TaskWriterFactory<RowData> factory) {
    this.factory = factory;
  }

  @Override
  public void open() throws Exception {
    super.open();
    factory.initialize(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), getRuntimeContext().getTaskInfo().getAttemptNumber());
    writer = factory.create();
  }

  @Override
  public void processElement(StreamRecord<RowData> element) throws IOException {
    writer.write(element.getValue());
  }

  @Override
  public void endInput() throws IOException {
    for (DataFile file : writer.complete().dataFiles()) {
      output.collect(new StreamRecord<>(serialize(file)));
    }
  }

  static byte[] serialize(DataFile file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(file);
    }
    return bytes.toByteArray();
  }
}
