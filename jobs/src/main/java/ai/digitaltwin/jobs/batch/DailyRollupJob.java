package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.iceberg.IcebergInputs;
import ai.digitaltwin.jobs.iceberg.IcebergSinks;
import ai.digitaltwin.jobs.rows.Cells;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * Daily rollups per twin (BATCH): vitals statistics, resting heart rate, steps, sleep and anomaly
 * episodes per UTC day, from {@code health_events} and {@code anomalies} into {@code daily_summaries}.
 * Each run recomputes every day from history and replaces the table in one commit, so a rerun never
 * double counts and readers see either the old or the new summaries, never a mix.
 */
public final class DailyRollupJob {
  public static final String NAME = "twin-daily-rollup";
  private static final int ANOMALY_TWIN = 1;
  private static final int ANOMALY_TS = 2;
  private static final int ANOMALY_END = 8;

  private DailyRollupJob() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(System.getenv().getOrDefault("TWIN_DATA_DIR", "data"));
    JobConfig config = JobConfig.fromEnv(System.getenv(), dataDir);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, config);
    env.execute(NAME);
  }

  public static void define(StreamExecutionEnvironment env, JobConfig config) {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(config.parallelism());
    try (TwinCatalog catalog = TwinCatalog.open(config.catalog())) {
      catalog.ensureTables();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DataStream<RowData> summaries =
        build(
            IcebergInputs.read(env, config.catalog(), Tables.HEALTH_EVENTS),
            IcebergInputs.read(env, config.catalog(), Tables.ANOMALIES));
    IcebergSinks.overwrite(summaries, config.catalog(), Tables.DAILY_SUMMARIES);
  }

  /** Rows of {@code daily_summaries} from rows of {@code health_events} and {@code anomalies}. */
  public static DataStream<RowData> build(DataStream<RowData> health, DataStream<RowData> anomalies) {
    TypeInformation<DayStats> stats = TypeInformation.of(DayStats.class);
    DataStream<DayStats> days = health.map(DayStats::ofReading, stats).name("day stats readings").uid("day-stats-readings");
    DataStream<DayStats> episodes =
        anomalies
            .filter(row -> row.isNullAt(ANOMALY_END)) // count each episode once: by its opening record
            .name("episodes opened")
            .uid("episodes-opened")
            .map(
                row -> DayStats.ofAnomaly(row.getString(ANOMALY_TWIN).toString(), row.getTimestamp(ANOMALY_TS, 6).getMillisecond()),
                stats)
            .name("day stats anomalies")
            .uid("day-stats-anomalies");
    return days.union(episodes)
        .keyBy(s -> s.key, Types.STRING)
        .reduce(DayStats::merge)
        .name("sum per twin and day")
        .uid("sum-per-twin-day")
        .map(DayStats::row, Cells.typeOf(TableDefinitions.DAILY_SUMMARIES))
        .name("rows daily_summaries")
        .uid("rows-daily-summaries");
  }
}
