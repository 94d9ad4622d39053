package ai.digitaltwin.jobs.ingest;

import ai.digitaltwin.schemas.AvroCodec;
import ai.digitaltwin.schemas.PoisonRecordException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes Avro single-object messages. Anything that cannot become a valid event goes to the
 * {@link #DEAD_LETTERS} side output with its reason and raw bytes, and is counted in the
 * {@code deadLetters} metric: a poison record never fails the job.
 */
public final class DecodeFunction<T extends SpecificRecordBase>
    extends ProcessFunction<KafkaRecord, Consumed<T>> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  private final Class<T> type;
  private transient AvroCodec<T> codec;
  private transient int twinField;
  private transient int eventField;
  private transient int tsField;
  private transient Counter deadLetters;

  public DecodeFunction(Class<T> type) {
    this.type = type;
  }

  @Override
  public void open(OpenContext context) {
    codec = AvroCodec.of(type);
    Schema schema = codec.schema();
    twinField = schema.getField("twin_id").pos();
    eventField = schema.getField("event_id").pos();
    tsField = schema.getField("ts").pos();
    deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
  }

  @Override
  public void processElement(KafkaRecord record, Context ctx, Collector<Consumed<T>> out) {
    T event;
    try {
      event = codec.decode(record.value());
    } catch (PoisonRecordException e) {
      reject(record, ctx, e.reason(), describe(e));
      return;
    }
    Object twin = event.get(twinField);
    Object id = event.get(eventField);
    Object ts = event.get(tsField);
    if (twin == null || twin.toString().isBlank() || id == null || id.toString().isBlank()) {
      reject(record, ctx, "invalid", "blank twin_id or event_id");
      return;
    }
    out.collect(
        new Consumed<>(
            twin.toString(),
            id.toString(),
            ((Instant) ts).toEpochMilli(),
            record.partition(),
            record.offset(),
            event));
  }

  private void reject(KafkaRecord record, Context ctx, String reason, String error) {
    deadLetters.inc();
    long readAt = ctx.timerService().currentProcessingTime();
    ctx.output(
        DEAD_LETTERS,
        new DeadLetter(
            record.topic(), record.partition(), record.offset(), readAt, reason, error, record.value()));
  }

  private static String describe(Throwable e) {
    Throwable root = e.getCause() == null ? e : e.getCause();
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }
}
