package ai.digitaltwin.api;

import ai.digitaltwin.catalog.TwinCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.types.Types;

/** Appends rows to a real Iceberg table as one Parquet file and one commit: test data for the API. */
final class TableWriter {
  private TableWriter() {}

  static void append(TwinCatalog catalog, String tableName, List<Map<String, Object>> rows) {
    Table table = catalog.table(tableName);
    OutputFile out =
        table.io().newOutputFile(table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
    GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
    // unpartitioned file writes are fine for tests only when the spec has no partitions; otherwise
    // write one file per partition value
    try {
      if (table.spec().isUnpartitioned()) {
        DataWriter<Record> writer =
            factory.newDataWriter(
                org.apache.iceberg.encryption.EncryptedFiles.plainAsEncryptedOutput(out), FileFormat.PARQUET, null);
        try (writer) {
          for (Map<String, Object> row : rows) {
            writer.write(record(table, row));
          }
        }
        table.newAppend().appendFile(writer.toDataFile()).commit();
        return;
      }
      var append = table.newAppend();
      for (Map<String, Object> row : rows) {
        Record record = record(table, row);
        org.apache.iceberg.PartitionKey key = new org.apache.iceberg.PartitionKey(table.spec(), table.schema());
        key.partition(new org.apache.iceberg.data.InternalRecordWrapper(table.schema().asStruct()).wrap(record));
        OutputFile file =
            table.io().newOutputFile(table.locationProvider().newDataLocation(table.spec(), key, UUID.randomUUID() + ".parquet"));
        DataWriter<Record> writer =
            factory.newDataWriter(
                org.apache.iceberg.encryption.EncryptedFiles.plainAsEncryptedOutput(file), FileFormat.PARQUET, key);
        try (writer) {
          writer.write(record);
        }
        DataFile dataFile = writer.toDataFile();
        append.appendFile(dataFile);
      }
      append.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Record record(Table table, Map<String, Object> row) {
    GenericRecord record = GenericRecord.create(table.schema());
    for (Types.NestedField field : table.schema().columns()) {
      Object value = row.get(field.name());
      if (value instanceof Instant instant) {
        value = instant.atOffset(ZoneOffset.UTC);
      }
      record.setField(field.name(), value);
    }
    return record;
  }
}
