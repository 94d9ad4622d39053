package ai.digitaltwin.jobs.types;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a generated Avro class. Flink hands Avro types to its {@code flink-avro}
 * module, which has no release for Flink 2.1 on the registries this project can reach; this is the part
 * of it the jobs need: Avro binary serialization of specific records, no Kryo.
 */
public final class AvroTypeInfo<T extends SpecificRecordBase> extends TypeInformation<T> {
  private final Class<T> type;

  private AvroTypeInfo(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T extends SpecificRecordBase> AvroTypeInfo<T> forClass(Class<T> type) {
    return new AvroTypeInfo<>(type);
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return new AvroSerializer<>(type);
  }

  @Override
  public String toString() {
    return "Avro<" + type.getName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroTypeInfo<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof AvroTypeInfo;
  }
}
