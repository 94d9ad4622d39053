package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.schemas.HealthEvent;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * One health reading as the twin endpoints show it: the columns of a {@code health_events} row but its
 * ids, in table order, each read as the type of its {@link HealthEvent} field ({@code ts} is ISO-8601
 * text). The columns come from the schema, so a vital added there is shown here with no change.
 */
public record Reading(@JsonIgnore Map<String, Object> columns) {
  private static final Set<String> IDS = Set.of("event_id", "twin_id");
  private static final List<Schema.Field> FIELDS =
      HealthEvent.getClassSchema().getFields().stream().filter(f -> !IDS.contains(f.name())).toList();

  /** The columns, in table order, that {@link #of} reads. */
  public static final String COLUMNS = FIELDS.stream().map(Schema.Field::name).collect(Collectors.joining(", "));

  public Reading {
    columns = Collections.unmodifiableMap(columns);
  }

  public static Reading of(Row row) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (Schema.Field field : FIELDS) {
      columns.put(field.name(), value(row, field));
    }
    return new Reading(columns);
  }

  /** The columns as JSON fields, so that a reading can be unwrapped into the object holding it. */
  @JsonAnyGetter
  Map<String, Object> fields() {
    return columns;
  }

  /** When it was taken, as ISO-8601 text. */
  public String ts() {
    return (String) columns.get("ts");
  }

  /** A number column's value, or null. */
  public Double decimal(String column) {
    return (Double) columns.get(column);
  }

  /** A text column's value, or null. */
  public String text(String column) {
    return (String) columns.get(column);
  }

  /** This reading with only {@code names} of its columns, in their order (those it has). */
  public Reading only(List<String> names) {
    Map<String, Object> some = new LinkedHashMap<>();
    for (String name : names) {
      if (columns.containsKey(name)) {
        some.put(name, columns.get(name));
      }
    }
    return new Reading(some);
  }

  private static Object value(Row row, Schema.Field field) {
    Schema type = field.schema();
    if (type.getType() == Schema.Type.UNION) {
      type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
    return switch (type.getType()) {
      case DOUBLE, FLOAT -> row.decimal(field.name());
      case INT -> row.integer(field.name());
      case LONG -> type.getLogicalType() == null ? row.whole(field.name()) : row.text(field.name());
      default -> row.text(field.name());
    };
  }
}
