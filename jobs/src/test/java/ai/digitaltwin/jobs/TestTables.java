package ai.digitaltwin.jobs;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
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

/** Writes rows straight into a table, one data file per partition and call: history for batch tests. */
public final class TestTables {
  private TestTables() {}

  public static void append(Table table, List<Record> records) {
    append(table, records, new GenericAppenderFactory(table.schema(), table.spec()));
  }

  /** As {@link #append(Table, List)}, with the files written by {@code factory}. */
  public static void append(Table table, List<Record> records, GenericAppenderFactory factory) {
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
    for (Record r : records) {
      PartitionKey key = new PartitionKey(table.spec(), table.schema());
      key.partition(wrapper.wrap(r));
      byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    OutputFileFactory files = OutputFileFactory.builderFor(table, 1, System.nanoTime()).format(FileFormat.PARQUET).build();
    AppendFiles append = table.newAppend();
    try {
      for (Map.Entry<PartitionKey, List<Record>> e : byPartition.entrySet()) {
        PartitionKey key = table.spec().isUnpartitioned() ? null : e.getKey();
        DataWriter<Record> writer = factory.newDataWriter(files.newOutputFile(table.spec(), key), FileFormat.PARQUET, key);
        try (writer) {
          e.getValue().forEach(writer::write);
        }
        append.appendFile(writer.toDataFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    append.commit();
  }

  public static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** A row of {@code health_events}. */
  public static Record health(Table table, Consumed<HealthEvent> c) {
    HealthEvent e = c.event();
    GenericRecord r = GenericRecord.create(table.schema());
    r.setField("event_id", e.getEventId());
    r.setField("twin_id", e.getTwinId());
    r.setField("ts", utc(e.getTs()));
    r.setField("heart_rate", e.getHeartRate());
    r.setField("systolic_bp", e.getSystolicBp());
    r.setField("diastolic_bp", e.getDiastolicBp());
    r.setField("spo2", e.getSpo2());
    r.setField("body_temp_c", e.getBodyTempC());
    r.setField("resp_rate", e.getRespRate());
    r.setField("hrv_ms", e.getHrvMs());
    r.setField("steps", e.getSteps());
    r.setField("stress", e.getStress());
    r.setField("energy", e.getEnergy());
    r.setField("activity", e.getActivity());
    r.setField("source", e.getSource());
    r.setField("kafka_partition", c.partition());
    r.setField("kafka_offset", c.offset());
    return r;
  }

  /** A row of {@code ground_truth}. */
  public static Record truth(Table table, GroundTruthEpisode g) {
    GenericRecord r = GenericRecord.create(table.schema());
    r.setField("event_id", g.getEventId());
    r.setField("twin_id", g.getTwinId());
    r.setField("ts", utc(g.getTs()));
    r.setField("type", g.getType());
    r.setField("start_ts", utc(g.getStartTs()));
    r.setField("end_ts", utc(g.getEndTs()));
    r.setField("severity", g.getSeverity());
    return r;
  }

  /** A row of {@code anomalies}. */
  public static Record anomaly(Table table, String twin, String type, Instant start, Instant end, Instant detected) {
    GenericRecord r = GenericRecord.create(table.schema());
    r.setField("event_id", twin + "/" + type + "/" + start.toEpochMilli() + (end == null ? "/open" : "/close"));
    r.setField("twin_id", twin);
    r.setField("ts", utc(detected));
    r.setField("type", type);
    r.setField("layer", "clinical");
    r.setField("severity", "medium");
    r.setField("score", 3.0);
    r.setField("start_ts", utc(start));
    r.setField("end_ts", utc(end));
    r.setField("evidence", "{}");
    r.setField("detector_version", "test");
    return r;
  }

  /** A {@code create} row of {@code twin_registry} naming only the twin's time zone. */
  public static Record registry(Table table, String twin, Instant at, String zone) {
    GenericRecord r = GenericRecord.create(table.schema());
    r.setField("event_id", twin + "/create/" + at.toEpochMilli());
    r.setField("twin_id", twin);
    r.setField("ts", utc(at));
    r.setField("action", "create");
    r.setField("timezone", zone);
    return r;
  }
}
