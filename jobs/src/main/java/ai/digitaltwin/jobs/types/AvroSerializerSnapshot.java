package ai.digitaltwin.jobs.types;

import java.io.IOException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a checkpoint records about an {@link AvroSerializer}: the class. State written with an older
 * schema of the same class is not migrated; the jobs keep no Avro objects in keyed state (only in
 * flight), so a restore after a compatible schema change needs none.
 */
public final class AvroSerializerSnapshot<T extends SpecificRecordBase> implements TypeSerializerSnapshot<T> {
  private Class<T> type;

  /** For Flink's reflective restore. */
  public AvroSerializerSnapshot() {}

  AvroSerializerSnapshot(Class<T> type) {
    this.type = type;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(type.getName());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
    String name = in.readUTF();
    try {
      type = (Class<T>) Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IOException("Avro class of a checkpointed serializer is missing: " + name, e);
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return new AvroSerializer<>(type);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
    return old instanceof AvroSerializerSnapshot<T> previous && previous.type.equals(type)
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.incompatible();
  }
}
