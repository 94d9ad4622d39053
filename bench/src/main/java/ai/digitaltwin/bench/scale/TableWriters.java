package ai.digitaltwin.bench.scale;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;

/**
 * Iceberg's Flink row writers for the event tables, one factory per table and thread (as one sink subtask
 * each): a writer fans rows out to a data file per day partition, with the table's own properties.
 */
final class TableWriters {
  private static final long TARGET_FILE_BYTES = 128L << 20;

  private final Table health;
  private final Table behavior;
  private final Map<String, RowDataTaskWriterFactory> factories = new HashMap<>();

  TableWriters(TwinCatalog catalog) {
    this.health = catalog.table(Tables.HEALTH_EVENTS);
    this.behavior = catalog.table(Tables.BEHAVIOR_EVENTS);
  }

  Table healthTable() {
    return health;
  }

  Table behaviorTable() {
    return behavior;
  }

  synchronized TaskWriter<RowData> health(int thread) {
    return factory(health, thread).create();
  }

  synchronized TaskWriter<RowData> behavior(int thread) {
    return factory(behavior, thread).create();
  }

  /** A writer of any table of the catalog, for rows written once (the registry). */
  static TaskWriter<RowData> once(Table table) {
    RowDataTaskWriterFactory f = newFactory(table);
    f.initialize(0, 0);
    return f.create();
  }

  private RowDataTaskWriterFactory factory(Table table, int thread) {
    return factories.computeIfAbsent(table.name() + "#" + thread, k -> {
      RowDataTaskWriterFactory f = newFactory(table);
      f.initialize(thread, 0);
      return f;
    });
  }

  private static RowDataTaskWriterFactory newFactory(Table table) {
    Table frozen = SerializableTable.copyOf(table);
    return new RowDataTaskWriterFactory(() -> frozen, FlinkSchemaUtil.convert(table.schema()), TARGET_FILE_BYTES,
        FileFormat.PARQUET, new HashMap<>(table.properties()), List.of(), false);
  }
}
