package ai.digitaltwin.schemas;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A Kafka topic and the Avro type every message on it carries. Keys are always the twin id (UTF-8), so
 * all events of one twin land in one partition, in order.
 */
public final class Topic<T extends SpecificRecordBase> {
  private final String name;
  private final Class<T> type;
  private final boolean compacted;

  private Topic(String name, Class<T> type, boolean compacted) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.compacted = compacted;
  }

  static <T extends SpecificRecordBase> Topic<T> of(String name, Class<T> type) {
    return new Topic<>(name, type, false);
  }

  static <T extends SpecificRecordBase> Topic<T> compacted(String name, Class<T> type) {
    return new Topic<>(name, type, true);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** True when the topic keeps only the latest value per key (the hot path's "current" views). */
  public boolean compacted() {
    return compacted;
  }

  public AvroCodec<T> codec() {
    return AvroCodec.of(type);
  }

  @Override
  public String toString() {
    return name;
  }
}
