package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.catalog.TableDefinitions;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Types.NestedField;

/**
 * One health reading as the twin endpoints show it: the columns of a {@code health_events} row but its
 * ids and where it was read from Kafka, in table order, each read as its column's type ({@code ts} is
 * ISO-8601 text). The columns are the table's, derived from the {@code HealthEvent} schema, so a vital
 * added there is shown here with no change.
 */
public record Reading(@JsonIgnore Map<String, Object> columns) {
  private static final Set<String> NOT_SHOWN =
      Set.of("event_id", "twin_id", TableDefinitions.KAFKA_PARTITION.name(), TableDefinitions.KAFKA_OFFSET.name());
  private static final List<NestedField> FIELDS =
      TableDefinitions.HEALTH_EVENTS.columns().stream().filter(f -> !NOT_SHOWN.contains(f.name())).toList();

  /** The columns, in table order, that {@link #of} reads. */
  public static final String COLUMNS = FIELDS.stream().map(NestedField::name).collect(Collectors.joining(", "));

  public Reading {
    columns = Collections.unmodifiableMap(columns);
  }

  public static Reading of(Row row) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (NestedField field : FIELDS) {
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

  private static Object value(Row row, NestedField field) {
    return switch (field.type().typeId()) {
      case DOUBLE, FLOAT -> row.decimal(field.name());
      case INTEGER -> row.integer(field.name());
      case LONG -> row.whole(field.name());
      default -> row.text(field.name());
    };
  }
}
