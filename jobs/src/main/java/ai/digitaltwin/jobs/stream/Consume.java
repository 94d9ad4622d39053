package ai.digitaltwin.jobs.stream;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.ingest.DeadLetter;
import ai.digitaltwin.jobs.ingest.DecodeFunction;
import ai.digitaltwin.jobs.ingest.KafkaRecord;
import ai.digitaltwin.jobs.ingest.TwinOfRecord;
import ai.digitaltwin.jobs.twin.Dedup;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;

/**
 * The front of every input: the raw records partitioned by twin ({@link TwinOfRecord}, which reads the
 * twin from the message without decoding it, so the shuffle moves bytes rather than events Flink would
 * encode and decode again), then decode (poison to dead letters) and de-duplication by event id on the
 * same subtask. Event-time timestamps and watermarks come with the raw records, from the source ({@link
 * ai.digitaltwin.jobs.ingest.EventTimeWatermarks}), where they are tracked per partition. The result is
 * keyed by twin, so what follows can stay on the same subtask.
 */
public final class Consume<T extends SpecificRecordBase> {
  private final Class<T> type;
  private final TypeInformation<Consumed<T>> typeInfo;
  private final String name;

  public Consume(Class<T> type, TypeInformation<Consumed<T>> typeInfo, String name) {
    this.type = type;
    this.typeInfo = typeInfo;
    this.name = name;
  }

  /** Decoded and de-duplicated events, and the dead letters of this input. */
  public Result<T> apply(DataStream<KafkaRecord> raw, JobConfig config) {
    return apply(raw, new Dedup<>(config.dedupHorizon()), "dedup");
  }

  /**
   * Decoded events through {@code keyed}, a keyed step that de-duplicates them (and may do more, on
   * the same subtask and with the same keyed state) beside a second input {@code beside}, already
   * partitioned by twin the same way (another input's {@link #apply} result); named {@code step} and this
   * input's name.
   */
  public <B> Result<T> apply(DataStream<KafkaRecord> raw, DataStream<Consumed<B>> beside,
      KeyedCoProcessFunction<String, Consumed<T>, Consumed<B>, Consumed<T>> keyed, String step) {
    SingleOutputStreamOperator<Consumed<T>> decoded = decode(raw);
    // partitioned by the twin of the raw record, which is the decoded event's twin: no second shuffle
    SingleOutputStreamOperator<Consumed<T>> unique =
        DataStreamUtils.reinterpretAsKeyedStream(decoded, Consumed::twinId, Types.STRING)
            .connect(DataStreamUtils.reinterpretAsKeyedStream(beside, Consumed::twinId, Types.STRING))
            .process(keyed, typeInfo)
            .name(step + " " + name)
            .uid(step.replace(" ", "-") + "-" + name);
    return new Result<>(unique, decoded.getSideOutput(DecodeFunction.DEAD_LETTERS));
  }

  private Result<T> apply(DataStream<KafkaRecord> raw, KeyedProcessFunction<String, Consumed<T>, Consumed<T>> keyed,
      String step) {
    SingleOutputStreamOperator<Consumed<T>> decoded = decode(raw);
    // partitioned by the twin of the raw record, which is the decoded event's twin: no second shuffle
    SingleOutputStreamOperator<Consumed<T>> unique =
        DataStreamUtils.reinterpretAsKeyedStream(decoded, Consumed::twinId, Types.STRING)
            .process(keyed, typeInfo)
            .name(step + " " + name)
            .uid(step.replace(" ", "-") + "-" + name);
    return new Result<>(unique, decoded.getSideOutput(DecodeFunction.DEAD_LETTERS));
  }

  private SingleOutputStreamOperator<Consumed<T>> decode(DataStream<KafkaRecord> raw) {
    return raw.keyBy(new TwinOfRecord(type), Types.STRING)
        .process(new DecodeFunction<>(type), typeInfo)
        .name("decode " + name)
        .uid("decode-" + name);
  }

  public record Result<T>(SingleOutputStreamOperator<Consumed<T>> events, DataStream<DeadLetter> deadLetters) {}
}
