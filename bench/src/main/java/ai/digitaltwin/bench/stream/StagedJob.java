package ai.digitaltwin.bench.stream;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.health.HealthSteps;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.jobs.sink.Cells;
import ai.digitaltwin.jobs.sink.ConsumedRows;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import ai.digitaltwin.jobs.sink.RecordRows;
import ai.digitaltwin.jobs.stream.Consume;
import ai.digitaltwin.jobs.stream.StreamInputs;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * The stream job's front stages alone, built from the job's own {@link Consume} and {@link HealthSteps}:
 * inputs keyed by twin, decoded and de-duplicated ({@link Stage#DEDUP}), plus the readings' anomaly
 * detection ({@link Stage#DETECTION}), into the same tables as {@link PassThroughJob} (and anomalies).
 * No twin state, so no twin_state rows and no hot path: measured beside the full job and the
 * pass-through, they show what each stage costs.
 */
final class StagedJob {
  enum Stage {
    DEDUP("keyed by twin, decoded, de-duplicated"),
    DETECTION("keyed by twin, decoded, de-duplicated, anomaly detection");

    final String describe;

    Stage(String describe) {
      this.describe = describe;
    }
  }

  private StagedJob() {}

  static void define(StreamInputs in, JobConfig config, Stage stage) {
    var registry = new Consume<>(TwinRegistryEvent.class, ConsumedTypes.REGISTRY, "registry").apply(in.registry(), config);
    Consume<HealthEvent> readings = new Consume<>(HealthEvent.class, ConsumedTypes.HEALTH, "health");
    Consume.Result<HealthEvent> health = stage == Stage.DETECTION
        ? readings.apply(in.health(), registry.events(), new HealthSteps(config.dedupHorizon()), "dedup and detect")
        : readings.apply(in.health(), config);
    var behavior = new Consume<>(BehaviorEvent.class, ConsumedTypes.BEHAVIOR, "behavior").apply(in.behavior(), config);
    var truth =
        new Consume<>(GroundTruthEpisode.class, ConsumedTypes.GROUND_TRUTH, "ground-truth").apply(in.groundTruth(), config);
    append(health.events(), new ConsumedRows<>(HealthEvent.class, Tables.HEALTH_EVENTS), Tables.HEALTH_EVENTS, config);
    append(behavior.events(), new ConsumedRows<>(BehaviorEvent.class, Tables.BEHAVIOR_EVENTS), Tables.BEHAVIOR_EVENTS, config);
    append(registry.events(), new ConsumedRows<>(TwinRegistryEvent.class, Tables.TWIN_REGISTRY), Tables.TWIN_REGISTRY, config);
    append(truth.events(), new ConsumedRows<>(GroundTruthEpisode.class, Tables.GROUND_TRUTH), Tables.GROUND_TRUTH, config);
    if (stage == Stage.DETECTION) {
      append(health.events().getSideOutput(HealthSteps.ANOMALIES), RecordRows.of(Anomaly.class, Tables.ANOMALIES), Tables.ANOMALIES, config);
    }
  }

  private static <T> void append(DataStream<T> in, MapFunction<T, RowData> toRow, String table, JobConfig config) {
    DataStream<RowData> rows = in.map(toRow, Cells.typeOf(TableDefinitions.of(table).schema()))
        .name("rows " + table).uid("rows-" + table);
    IcebergSinks.append(rows, config.catalog(), table);
  }
}
