package ai.digitaltwin.jobs.maintenance;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.sink.Cells;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.CloseableIterator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.flink.source.IcebergSource;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Rewrites the small files of day partitions, and day partitions holding a file not yet sorted (as the
 * stream job writes them: a backfilled day is often one such file), into few files sorted by (twin, time)
 * and marked with the table's sort order, in one atomic
 * {@code RewriteFiles} commit: readers see the old files or the new ones, never both or neither.
 * Streams may keep appending meanwhile: a rewrite only conflicts with deletes of the files it replaces,
 * and the tables are append-only, so files added after the planned snapshot are left as they are.
 */
final class Compaction {
  static final long DAY_MICROS = Duration.ofDays(1).toNanos() / 1000;
  /**
   * Row groups of the rewritten files, unless the table sets its own: about 16,000 readings, so a reader
   * skips other twins' row groups by their twin_id bounds (a 128 MB default makes a day one row group,
   * read whole for any twin), while a day of 1,000 twins stays near a hundred row groups. Smaller groups
   * cost more than they save: at 256 KB (about 1,500 readings) a day held 933 of them, and a query over
   * 30 days spent most of its time weighing 28,000 row groups' statistics, 5 to 6 times longer than at
   * 16,000 readings per group.
   */
  static final long ROW_GROUP_BYTES = 3L << 20;

  private Compaction() {}

  /**
   * The day partitions holding at least {@code minFiles} files in the current snapshot, or a file not
   * marked with the table's sort order (written by a stream; the rewrite marks what it writes).
   */
  static CompactionPlan plan(Table table, int minFiles) {
    table.refresh();
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return new CompactionPlan(table, -1, -1, List.of(), Set.of(), Expressions.alwaysFalse());
    }
    Map<Integer, List<DataFile>> byDay = new TreeMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        Integer day = task.file().partition().get(0, Integer.class);
        byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(task.file());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> days = new ArrayList<>();
    Set<DataFile> files = new HashSet<>();
    Expression filter = Expressions.alwaysFalse();
    for (Map.Entry<Integer, List<DataFile>> e : byDay.entrySet()) {
      if (e.getValue().size() >= minFiles || e.getValue().stream().anyMatch(file -> !sorted(table, file))) {
        days.add(e.getKey());
        files.addAll(e.getValue());
        long start = e.getKey() * DAY_MICROS;
        filter = Expressions.or(filter, Expressions.and(Expressions.greaterThanOrEqual("ts", start), Expressions.lessThan("ts", start + DAY_MICROS)));
      }
    }
    return new CompactionPlan(table, snapshot.snapshotId(), snapshot.sequenceNumber(), days, files, filter);
  }

  /** Whether {@code file} is marked as sorted by the table's order; always true for a table with none. */
  static boolean sorted(Table table, DataFile file) {
    return table.sortOrder().isUnsorted() || Objects.equals(file.sortOrderId(), table.sortOrder().orderId());
  }

  /** Reads the planned partitions as of the planned snapshot and writes them sorted (a BATCH job). */
  static List<DataFile> rewrite(StreamExecutionEnvironment env, CatalogConfig catalog, CompactionPlan plan) throws Exception {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    Table table = plan.table();
    String name = table.name().substring(table.name().lastIndexOf('.') + 1);
    RowType rowType = FlinkSchemaUtil.convert(table.schema());
    int twin = rowType.getFieldIndex("twin_id");
    int ts = rowType.getFieldIndex("ts");
    IcebergSource<RowData> source =
        IcebergSource.forRowData()
            .tableLoader(IcebergSinks.tableLoader(catalog, name))
            .useSnapshotId(plan.snapshotId())
            .filters(List.of(plan.filter()))
            .streaming(false)
            .build();
    Table frozen = SerializableTable.copyOf(table);
    Map<String, String> properties = new HashMap<>(table.properties());
    properties.putIfAbsent(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, String.valueOf(ROW_GROUP_BYTES));
    // the stream's writers skip dictionaries (short-lived files); the files that stay have them, which
    // keeps them small and quick to read
    properties.put(TableDefinitions.DICTIONARY, "true");
    RowDataTaskWriterFactory files =
        new RowDataTaskWriterFactory(() -> frozen, rowType, 128L << 20, FileFormat.PARQUET, properties, List.of(), false);
    List<DataFile> written = new ArrayList<>();
    try (CloseableIterator<byte[]> out =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "iceberg " + name, Cells.typeOf(table.schema()))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<RowData>forMonotonousTimestamps()
                    .withTimestampAssigner((row, previous) -> row.getTimestamp(ts, 6).getMillisecond()))
            .keyBy(row -> row.getString(twin).toString(), Types.STRING)
            .transform("sorted files", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO, new SortedFileWriter(files))
            .executeAndCollect("compact " + name)) {
      while (out.hasNext()) {
        // each file is sorted by (twin, time) within itself, which is what an Iceberg sort order promises
        written.add(DataFiles.builder(table.spec()).copy(deserialize(out.next())).withSortOrder(table.sortOrder()).build());
      }
    }
    return written;
  }

  /** Swaps the planned files for the rewritten ones, atomically. */
  static void commit(CompactionPlan plan, List<DataFile> rewritten) {
    plan.table().newRewrite()
        .validateFromSnapshot(plan.snapshotId())
        .rewriteFiles(plan.files(), new HashSet<>(rewritten), plan.sequenceNumber())
        .commit();
  }

  static DataFile deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (DataFile) in.readObject();
    }
  }
}
