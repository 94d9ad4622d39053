package ai.digitaltwin.jobs.iceberg;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.rows.Cells;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.flink.source.IcebergSource;

/** A table's current snapshot as a bounded stream of rows, in the table's column order. */
public final class IcebergInputs {
  private IcebergInputs() {}

  public static DataStream<RowData> read(StreamExecutionEnvironment env, CatalogConfig config, String table) {
    IcebergSource<RowData> source =
        IcebergSource.forRowData().tableLoader(IcebergSinks.tableLoader(config, table)).streaming(false).build();
    return env.fromSource(
            source, WatermarkStrategy.noWatermarks(), "iceberg " + table, Cells.typeOf(TableDefinitions.of(table).schema()))
        .uid("iceberg-source-" + table);
  }
}
