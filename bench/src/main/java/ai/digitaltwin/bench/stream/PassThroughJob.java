package ai.digitaltwin.bench.stream;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.jobs.ingest.DecodeFunction;
import ai.digitaltwin.jobs.sink.Cells;
import ai.digitaltwin.jobs.sink.ConsumedRows;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The reference of the stream job: the same records, Kafka → decode → rows → the same Iceberg tables,
 * exactly once on checkpoints, and nothing else (no watermarks, de-duplication, twin state, anomalies or
 * hot path). What the full job costs beyond this is what its logic costs.
 */
final class PassThroughJob {
  private PassThroughJob() {}

  static void define(StreamExecutionEnvironment env, JobConfig config) {
    pass(env, config, Topics.HEALTH, ConsumedTypes.HEALTH, Tables.HEALTH_EVENTS);
    pass(env, config, Topics.BEHAVIOR, ConsumedTypes.BEHAVIOR, Tables.BEHAVIOR_EVENTS);
    pass(env, config, Topics.REGISTRY, ConsumedTypes.REGISTRY, Tables.TWIN_REGISTRY);
    pass(env, config, Topics.GROUND_TRUTH, ConsumedTypes.GROUND_TRUTH, Tables.GROUND_TRUTH);
  }

  private static <T extends SpecificRecordBase> void pass(StreamExecutionEnvironment env, JobConfig config,
      Topic<T> topic, TypeInformation<Consumed<T>> decoded, String table) {
    var out = BoundedInputs.stream(env, config, topic)
        .process(new DecodeFunction<>(topic.type()), decoded).name("decode " + topic.name()).uid("decode-" + topic.name())
        .map(new ConsumedRows<>(topic.type(), table), Cells.typeOf(TableDefinitions.of(table).schema()))
        .name("rows " + table).uid("rows-" + table);
    IcebergSinks.append(out, config.catalog(), table);
  }
}
