package ai.digitaltwin.api.history;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How a record is read from a {@link Row}: each component from the column of its name in snake case (the
 * name its JSON has), by the reader of its type ({@code String} {@link Row#text}, {@code Double}
 * {@link Row#decimal}, {@code Long} {@link Row#whole}, {@code Integer} {@link Row#integer}, {@code Boolean}
 * {@link Row#flag}, {@code List<String>} {@link Row#texts}); a component that is itself a record is read
 * from the same row (flattened columns, such as a profile's or the traits'). One mapping for every row
 * record, worked out once per type. A missing column fails loudly, as a value of another type does,
 * unless its component is {@link NotAColumn}.
 */
final class RowRecord<R extends Record> {
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();
  private static final ClassValue<RowRecord<?>> MAPPINGS =
      new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected RowRecord<?> computeValue(Class<?> type) {
          return new RowRecord(type.asSubclass(Record.class));
        }
      };

  private final Constructor<R> constructor;
  private final List<Function<Row, Object>> readers;

  private RowRecord(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
    readers = Arrays.stream(components).map(RowRecord::reader).toList();
  }

  @SuppressWarnings("unchecked")
  static <R extends Record> RowRecord<R> of(Class<R> type) {
    return (RowRecord<R>) MAPPINGS.get(type);
  }

  R read(Row row) {
    Object[] values = new Object[readers.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = readers.get(i).apply(row);
    }
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Function<Row, Object> reader(RecordComponent component) {
    Class<?> type = component.getType();
    if (component.isAnnotationPresent(NotAColumn.class)) {
      return row -> null;
    }
    if (type.isRecord()) {
      RowRecord<?> nested = of(type.asSubclass(Record.class));
      return nested::read;
    }
    String column = SNAKE.translate(component.getName());
    Function<Row, Object> read = valueReader(component, column);
    return row -> {
      if (!row.has(column)) {
        throw new IllegalArgumentException(
            "No column " + column + " for " + component.getDeclaringRecord().getSimpleName() + "." + component.getName());
      }
      return read.apply(row);
    };
  }

  private static Function<Row, Object> valueReader(RecordComponent component, String column) {
    Class<?> type = component.getType();
    if (type == String.class) {
      return row -> row.text(column);
    } else if (type == Double.class) {
      return row -> row.decimal(column);
    } else if (type == Long.class) {
      return row -> row.whole(column);
    } else if (type == Integer.class) {
      return row -> row.integer(column);
    } else if (type == Boolean.class) {
      return row -> row.flag(column);
    } else if (type == List.class && component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] == String.class) {
      return row -> row.texts(column);
    }
    throw new IllegalArgumentException(component.getDeclaringRecord().getSimpleName() + "." + component.getName()
        + " is a " + component.getGenericType() + ": a row has no reader of it");
  }
}
