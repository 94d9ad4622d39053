package ai.digitaltwin.jobs.stream;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.health.HealthSteps;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.jobs.ingest.DeadLetter;
import ai.digitaltwin.jobs.sink.Cells;
import ai.digitaltwin.jobs.sink.ConsumedRows;
import ai.digitaltwin.jobs.sink.DeadLetterRows;
import ai.digitaltwin.jobs.sink.HotPath;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import ai.digitaltwin.jobs.sink.RecordRows;
import ai.digitaltwin.jobs.twin.TwinInput;
import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.jobs.twin.TwinStateFunction;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * The stream job: Kafka inputs → decode, watermarks, de-duplication → twin state → Iceberg tables
 * (exactly once, committed on checkpoints) and the hot-path topic.
 */
public final class TwinStreamJob {
  public static final String NAME = "twin-stream";

  private TwinStreamJob() {}

  /** Wires the whole job into {@code env}: checkpointing, Kafka sources, tables, sinks. */
  public static void define(StreamExecutionEnvironment env, JobConfig config) {
    configure(env, config);
    try (TwinCatalog catalog = TwinCatalog.open(config.catalog())) {
      catalog.ensureTables();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close catalog " + config.catalog().describe(), e);
    }
    StreamOutputs outputs = build(StreamInputs.fromKafka(env, config), config);
    outputs.tables().forEach((table, rows) -> IcebergSinks.append(rows, config.catalog(), table));
    if (config.hotPathEnabled()) {
      HotPath.sink(outputs.states(), Topics.STATE, config);
      HotPath.sink(outputs.anomalies(), Topics.ANOMALIES, config);
    }
  }

  /**
   * Parallelism and exactly-once checkpoints, retained on cancellation so that a restarted process can
   * resume from the newest one ({@link Checkpoints#latest}). Where checkpoints are stored is the
   * cluster's configuration ({@code execution.checkpointing.dir}), not the job's.
   */
  public static void configure(StreamExecutionEnvironment env, JobConfig config) {
    env.setParallelism(config.parallelism());
    env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.getCheckpointConfig().setMinPauseBetweenCheckpoints(config.checkpointInterval().toMillis() / 2);
    // every function treats its input as immutable, so chained operators may pass objects without copies
    env.getConfig().enableObjectReuse();
  }

  /** The graph between the raw inputs and the outputs, with no Kafka or Iceberg in it. */
  public static StreamOutputs build(StreamInputs in, JobConfig config) {
    var registry =
        new Consume<>(TwinRegistryEvent.class, ConsumedTypes.REGISTRY, "registry")
            .apply(in.registry(), config);
    // de-duplication and anomaly detection of the readings in one keyed step: one state lookup per
    // reading; the registry beside them brings each twin's zone, where its nights lie
    var health =
        new Consume<>(HealthEvent.class, ConsumedTypes.HEALTH, "health")
            .apply(in.health(), registry.events(), new HealthSteps(config.dedupHorizon()), "dedup and detect");
    var behavior =
        new Consume<>(BehaviorEvent.class, ConsumedTypes.BEHAVIOR, "behavior")
            .apply(in.behavior(), config);
    var chat = new Consume<>(ChatMessage.class, ConsumedTypes.CHAT, "chat").apply(in.chat(), config);
    var truth =
        new Consume<>(GroundTruthEpisode.class, ConsumedTypes.GROUND_TRUTH, "ground-truth")
            .apply(in.groundTruth(), config);

    TypeInformation<TwinInput> inputType = TwinInput.TYPE;
    SingleOutputStreamOperator<TwinState> states =
        health
            .events()
            .map(TwinInput::health, inputType)
            .name("twin input health")
            .uid("twin-input-health")
            .union(
                behavior.events().map(TwinInput::behavior, inputType).name("twin input behavior").uid("twin-input-behavior"),
                chat.events().map(TwinInput::chat, inputType).name("twin input chat").uid("twin-input-chat"),
                registry.events().map(TwinInput::registry, inputType).name("twin input registry").uid("twin-input-registry"))
            .keyBy(TwinInput::twinId, Types.STRING)
            .process(
                new TwinStateFunction(config.snapshotInterval(), stallTimeout(config)),
                AvroTypeInfo.forClass(TwinState.class))
            .name("twin state")
            .uid("twin-state");

    DataStream<Anomaly> anomalies = health.events().getSideOutput(HealthSteps.ANOMALIES);

    DataStream<DeadLetter> deadLetters =
        health
            .deadLetters()
            .union(behavior.deadLetters(), registry.deadLetters(), chat.deadLetters(), truth.deadLetters());

    Map<String, DataStream<RowData>> tables =
        Map.of(
            Tables.HEALTH_EVENTS, rows(health.events(), new ConsumedRows<>(HealthEvent.class, Tables.HEALTH_EVENTS), Tables.HEALTH_EVENTS),
            Tables.BEHAVIOR_EVENTS, rows(behavior.events(), new ConsumedRows<>(BehaviorEvent.class, Tables.BEHAVIOR_EVENTS), Tables.BEHAVIOR_EVENTS),
            Tables.TWIN_REGISTRY, rows(registry.events(), new ConsumedRows<>(TwinRegistryEvent.class, Tables.TWIN_REGISTRY), Tables.TWIN_REGISTRY),
            Tables.CHAT_MESSAGES, rows(chat.events(), new ConsumedRows<>(ChatMessage.class, Tables.CHAT_MESSAGES), Tables.CHAT_MESSAGES),
            Tables.GROUND_TRUTH, rows(truth.events(), new ConsumedRows<>(GroundTruthEpisode.class, Tables.GROUND_TRUTH), Tables.GROUND_TRUTH),
            Tables.TWIN_STATE, rows(states, RecordRows.of(TwinState.class, Tables.TWIN_STATE), Tables.TWIN_STATE),
            Tables.ANOMALIES, rows(anomalies, RecordRows.of(Anomaly.class, Tables.ANOMALIES), Tables.ANOMALIES),
            Tables.DEAD_LETTERS, rows(deadLetters, new DeadLetterRows(), Tables.DEAD_LETTERS));
    // the newest snapshot of each input or timer, and a reading that changes a twin's status before the watermark lets it be folded
    return new StreamOutputs(tables, states.getSideOutput(TwinStateFunction.HOT_PATH), anomalies);
  }

  /**
   * How long the watermark must stand still before the twin state folds what waits for it: twice the
   * sources' idleness, so that at start-up idle topics are declared idle (and the watermark moves)
   * before the state gives up on the event-time order.
   */
  static Duration stallTimeout(JobConfig config) {
    return config.sourceIdleness().multipliedBy(2);
  }

  /** One table's rows, in its column order; keyed inputs stay on their subtask (forward). */
  private static <T> DataStream<RowData> rows(DataStream<T> in, MapFunction<T, RowData> toRow, String table) {
    return in.map(toRow, Cells.typeOf(TableDefinitions.of(table).schema())).name("rows " + table).uid("rows-" + table);
  }
}
