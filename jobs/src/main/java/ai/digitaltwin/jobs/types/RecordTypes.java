package ai.digitaltwin.jobs.types;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;

/**
 * Type information for a Java record whose components Flink cannot analyse alone (Avro classes, or a
 * generic parameter): each component's type is given, and Flink's POJO serializer, which builds records
 * through their canonical constructor, does the rest.
 */
public final class RecordTypes {
  private RecordTypes() {}

  @SuppressWarnings("unchecked")
  public static <R extends Record> TypeInformation<R> of(
      Class<?> recordClass, Map<String, TypeInformation<?>> components) {
    if (!recordClass.isRecord()) {
      throw new IllegalArgumentException(recordClass.getName() + " is not a record");
    }
    List<PojoField> fields = new ArrayList<>();
    for (var component : recordClass.getRecordComponents()) {
      TypeInformation<?> info = components.get(component.getName());
      if (info == null) {
        throw new IllegalArgumentException("No type given for " + recordClass.getSimpleName() + "." + component.getName());
      }
      fields.add(new PojoField(field(recordClass, component.getName()), info));
    }
    return new PojoTypeInfo<>((Class<R>) recordClass, fields);
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("record " + type.getName() + " has no field " + name, e);
    }
  }
}
