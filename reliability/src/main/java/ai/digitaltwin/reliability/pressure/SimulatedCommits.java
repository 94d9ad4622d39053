package ai.digitaltwin.reliability.pressure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * What the stream job's sink does at every checkpoint, without the job: one small Parquet file of health
 * readings appended in its own snapshot. A day of checkpoints, compressed in time, is what maintenance
 * has to cope with.
 */
final class SimulatedCommits {
  private final Table table;
  private final int twins;
  private long rows;
  private long files;

  SimulatedCommits(Table table, int twins) {
    this.table = table;
    this.twins = twins;
  }

  /** One commit: a reading per twin per minute from {@code from} for {@code minutes}. */
  void commit(Instant from, int minutes) {
    List<Record> records = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      Instant at = from.plusSeconds(60L * m);
      for (int t = 0; t < twins; t++) {
        records.add(reading(String.format("sim-%03d", t), at, 60 + (m * 7 + t * 13) % 40));
      }
    }
    GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    key.partition(new InternalRecordWrapper(table.schema().asStruct()).wrap(records.get(0)));
    OutputFileFactory out = OutputFileFactory.builderFor(table, 1, System.nanoTime()).format(FileFormat.PARQUET).build();
    DataWriter<Record> writer = factory.newDataWriter(out.newOutputFile(table.spec(), key), FileFormat.PARQUET, key);
    try (writer) {
      records.forEach(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppendFiles append = table.newAppend();
    append.appendFile(writer.toDataFile());
    append.commit();
    rows += records.size();
    files++;
  }

  long rows() {
    return rows;
  }

  long files() {
    return files;
  }

  private Record reading(String twin, Instant at, double heartRate) {
    GenericRecord r = GenericRecord.create(table.schema());
    r.setField("event_id", twin + "-" + at.toEpochMilli());
    r.setField("twin_id", twin);
    r.setField("ts", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    r.setField("heart_rate", heartRate);
    r.setField("spo2", 97.0);
    r.setField("steps", (int) (heartRate * 3) % 120);
    r.setField("activity", "work");
    r.setField("source", "generator");
    return r;
  }
}
