package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.flink.source.IcebergSource;

/** A table's rows as a bounded stream, in the table's column order: a snapshot's, or those appended between two. */
public final class IcebergInputs {
  private IcebergInputs() {}

  public static DataStream<RowData> read(StreamExecutionEnvironment env, CatalogConfig config, String table) {
    return read(env, config, table, null, Expressions.alwaysTrue(), null);
  }

  /**
   * The rows of {@code table} at {@code snapshotId} (the current snapshot if null) in files that may hold
   * rows matching {@code filter}: the filter prunes files and partitions, rows still need filtering. With
   * {@code columns}, only those are read, in the table's column order; all of them when null.
   */
  public static DataStream<RowData> read(
      StreamExecutionEnvironment env, CatalogConfig config, String table, Long snapshotId, Expression filter,
      List<String> columns) {
    IcebergSource.Builder<RowData> builder =
        IcebergSource.forRowData().tableLoader(IcebergSinks.tableLoader(config, table)).streaming(false);
    if (snapshotId != null) {
      builder.useSnapshotId(snapshotId);
    }
    if (filter.op() != Expression.Operation.TRUE) {
      builder.filters(List.of(filter));
    }
    return source(env, table, builder, columns);
  }

  /**
   * The rows of {@code table} in the files appended after snapshot {@code fromExclusive} up to {@code to}
   * (Iceberg's incremental append scan: compaction's rewritten files are not among them). With {@code
   * columns}, only those are read, in the table's column order; all of them when null.
   */
  public static DataStream<RowData> appended(
      StreamExecutionEnvironment env, CatalogConfig config, String table, long fromExclusive, long to, List<String> columns) {
    IcebergSource.Builder<RowData> builder =
        IcebergSource.forRowData()
            .tableLoader(IcebergSinks.tableLoader(config, table))
            .streaming(false)
            .startSnapshotId(fromExclusive)
            .endSnapshotId(to);
    return source(env, table, builder, columns);
  }

  private static DataStream<RowData> source(
      StreamExecutionEnvironment env, String table, IcebergSource.Builder<RowData> builder, List<String> columns) {
    Schema schema = columns == null ? TableDefinitions.of(table).schema() : TableDefinitions.of(table).schema().select(columns);
    if (columns != null) {
      builder.project(schema);
    }
    return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "iceberg " + table, Cells.typeOf(schema))
        .uid("iceberg-source-" + table);
  }
}
