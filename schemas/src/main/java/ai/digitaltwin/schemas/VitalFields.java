package ai.digitaltwin.schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The fields of a {@link HealthEvent} that hold a measured value, read from its schema: every field with
 * a {@code "range"}. A new vital is a new field of {@code HealthEvent.avsc} with its range; the API's
 * ingest and the importer then take it by name, with no list of their own to extend.
 */
public final class VitalFields {
  private static final String RANGE = "range";
  private static final String UNIT = "unit";

  /**
   * One vital: its field name and position, the plausible range of its values (a value outside is a
   * device or entry error, not a patient), whether its values are whole numbers, and their unit (as
   * Apple Health writes it: {@code count/min}, {@code mmHg}, {@code %}, {@code degC}, {@code ms},
   * {@code count}; empty for a score).
   */
  public record Vital(String name, int pos, double min, double max, boolean whole, String unit) {
    public boolean inRange(double value) {
      return Double.isFinite(value) && value >= min && value <= max;
    }

    /** The range as text, {@code 20..250}. */
    public String range() {
      return fmt(min) + ".." + fmt(max);
    }
  }

  private static final Map<String, Vital> HEALTH = of(HealthEvent.getClassSchema());

  private VitalFields() {}

  /** The vitals of a health reading, by field name, in field order. */
  public static Map<String, Vital> health() {
    return HEALTH;
  }

  /** The vital of a health reading's field, or null when the field holds no measured value. */
  public static Vital health(String field) {
    return HEALTH.get(field);
  }

  static Map<String, Vital> of(Schema record) {
    Map<String, Vital> vitals = new LinkedHashMap<>();
    for (Schema.Field field : record.getFields()) {
      if (field.getObjectProp(RANGE) instanceof List<?> range) {
        Schema type = nonNull(field.schema());
        boolean whole = type.getType() == Schema.Type.INT || type.getType() == Schema.Type.LONG;
        if (range.size() != 2 || !whole && type.getType() != Schema.Type.DOUBLE
            || !(field.getObjectProp(UNIT) instanceof String unit)) {
          throw new IllegalStateException(record.getName() + "." + field.name()
              + ": a vital is a number field with a range [min, max] and a unit, got " + range + " on " + type);
        }
        vitals.put(field.name(),
            new Vital(field.name(), field.pos(), number(range.get(0)), number(range.get(1)), whole, unit));
      }
    }
    return Collections.unmodifiableMap(vitals);
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types = new ArrayList<>(schema.getTypes());
    types.removeIf(t -> t.getType() == Schema.Type.NULL);
    return types.size() == 1 ? types.get(0) : schema;
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
