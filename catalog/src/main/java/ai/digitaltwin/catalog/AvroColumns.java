package ai.digitaltwin.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * The columns an Avro record becomes in its Iceberg table, derived from the record's schema, in field
 * order. The ids are declared in the {@code .avsc}, as properties Avro keeps but leaves out of the
 * canonical form the wire fingerprint is computed from:
 *
 * <ul>
 *   <li>{@code "field-id"}: the id of the field's column (the property Iceberg's own Avro conversion reads);
 *   <li>{@code "column-ids"}: on a field holding a record, which is flattened into one column per field of
 *       that record, their ids by field name (the same record type, {@code Personality}, is flattened into
 *       two tables with other ids in each);
 *   <li>{@code "element-id"}: on an array type, the id of its list column's element;
 *   <li>{@code "column-doc"}: the column's doc, when it has one. The Avro {@code doc} is not used: the
 *       tables were created with these shorter docs, and Iceberg keeps them in the table's metadata.
 * </ul>
 *
 * <p>A column is required when the field's type is not a union with null, and the record holding it (if
 * flattened) is not either. A {@code timestamp-millis} is a {@code timestamptz}.
 */
public final class AvroColumns {
  private static final String FIELD_ID = "field-id";
  private static final String COLUMN_IDS = "column-ids";
  private static final String ELEMENT_ID = "element-id";
  private static final String COLUMN_DOC = "column-doc";

  /**
   * A column and where a record holds its value: in field {@code field}, or, when {@code subField} is not
   * negative, in that field of the record held in field {@code field}.
   */
  public record AvroColumn(NestedField column, int field, int subField) {}

  private AvroColumns() {}

  /** The columns of {@code record}'s table that come from the record. */
  public static List<AvroColumn> of(Schema record) {
    List<AvroColumn> columns = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      String where = record.getName() + "." + field.name();
      Schema type = nonNull(field.schema(), where);
      boolean optional = type != field.schema();
      if (type.getType() != Schema.Type.RECORD) {
        columns.add(new AvroColumn(column(id(field, FIELD_ID, where), field, optional, where), field.pos(), -1));
        continue;
      }
      Map<String, Integer> ids = columnIds(field, type, where);
      for (Schema.Field sub : type.getFields()) {
        String subWhere = where + "." + sub.name();
        boolean subOptional = optional || nonNull(sub.schema(), subWhere) != sub.schema();
        columns.add(new AvroColumn(column(ids.get(sub.name()), sub, subOptional, subWhere), field.pos(), sub.pos()));
      }
    }
    return columns;
  }

  private static NestedField column(int id, Schema.Field field, boolean optional, String where) {
    Type type = type(nonNull(field.schema(), where), where);
    return NestedField.of(id, optional, field.name(), type, field.getProp(COLUMN_DOC));
  }

  private static Type type(Schema avro, String where) {
    return switch (avro.getType()) {
      case STRING -> plain(avro, Types.StringType.get(), where);
      case INT -> plain(avro, Types.IntegerType.get(), where);
      case DOUBLE -> plain(avro, Types.DoubleType.get(), where);
      case LONG -> avro.getLogicalType() instanceof LogicalTypes.TimestampMillis
          ? Types.TimestampType.withZone()
          : plain(avro, Types.LongType.get(), where);
      case ARRAY -> {
        Schema items = nonNull(avro.getElementType(), where + "[]");
        Type element = type(items, where + "[]");
        int id = id(avro, ELEMENT_ID, where + "[]");
        yield items == avro.getElementType() ? Types.ListType.ofRequired(id, element) : Types.ListType.ofOptional(id, element);
      }
      default -> throw unsupported(avro, where);
    };
  }

  /** A primitive without a logical type: one this derivation does not know would lose its meaning. */
  private static Type plain(Schema avro, Type type, String where) {
    if (avro.getLogicalType() != null) {
      throw unsupported(avro, where);
    }
    return type;
  }

  private static IllegalArgumentException unsupported(Schema avro, String where) {
    return new IllegalArgumentException(where + " is of Avro type " + avro + ", which has no column type here");
  }

  /** The type of a value that may be null: {@code X} of {@code ["null", X]}, else the type itself. */
  private static Schema nonNull(Schema avro, String where) {
    if (avro.getType() != Schema.Type.UNION) {
      return avro;
    }
    List<Schema> types = avro.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    if (types.size() != 1 || avro.getTypes().size() != 2) {
      throw new IllegalArgumentException(where + " is the union " + avro + "; a column may only be a type or null");
    }
    return types.get(0);
  }

  private static int id(JsonProperties owner, String property, String where) {
    if (owner.getObjectProp(property) instanceof Integer id) {
      return id;
    }
    throw new IllegalArgumentException(where + " has no integer \"" + property + "\": every column of a table declares its id");
  }

  private static Map<String, Integer> columnIds(Schema.Field field, Schema record, String where) {
    List<String> names = record.getFields().stream().map(Schema.Field::name).toList();
    if (!(field.getObjectProp(COLUMN_IDS) instanceof Map<?, ?> ids)
        || !ids.keySet().equals(Set.copyOf(names))
        || !ids.values().stream().allMatch(Integer.class::isInstance)) {
      throw new IllegalArgumentException(where + " holds a " + record.getName() + ", flattened into one column per field: it needs \""
          + COLUMN_IDS + "\" with an integer id for each of " + names + ", has " + field.getObjectProp(COLUMN_IDS));
    }
    return ids.entrySet().stream().collect(Collectors.toMap(e -> (String) e.getKey(), e -> (Integer) e.getValue()));
  }
}
