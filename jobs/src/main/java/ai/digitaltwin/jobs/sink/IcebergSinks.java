package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.DistributionMode;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Appends row streams to Iceberg tables, exactly once: data files are written continuously and committed
 * when a checkpoint completes, and the committer remembers the last committed checkpoint in the snapshot
 * summary so a restore never commits the same files twice.
 *
 * <p>Distribution is {@code NONE} on purpose: the rows arrive already partitioned by twin (keyed
 * operators upstream), so each writer holds a disjoint set of twins; Iceberg's {@code HASH} mode would
 * shuffle by the day partition instead and put a whole day on one writer.
 */
public final class IcebergSinks {
  private IcebergSinks() {}

  public static TableLoader tableLoader(CatalogConfig config, String table) {
    return TableLoader.fromCatalog(TwinCatalogLoader.of(config), TwinCatalog.identifier(table));
  }

  /**
   * Replaces the partitions {@code rows} touch (the whole table when it is unpartitioned): for batch
   * results recomputed from history, such as daily summaries. Not for tables a stream appends to.
   */
  public static void overwrite(DataStream<RowData> rows, CatalogConfig config, String table) {
    FlinkSink.forRowData(rows)
        .tableLoader(tableLoader(config, table))
        .overwrite(true)
        .distributionMode(DistributionMode.NONE)
        .uidPrefix("iceberg-" + table)
        .append()
        .name("iceberg " + table)
        .uid("iceberg-sink-" + table);
  }

  /** Appends {@code rows} (in the table's column order) to {@code table}. */
  public static void append(DataStream<RowData> rows, CatalogConfig config, String table) {
    FlinkSink.forRowData(rows)
        .tableLoader(tableLoader(config, table))
        .distributionMode(DistributionMode.NONE)
        .writeParallelism(rows.getParallelism())
        .uidPrefix("iceberg-" + table)
        .append()
        .name("iceberg " + table)
        .uid("iceberg-sink-" + table);
  }
}
