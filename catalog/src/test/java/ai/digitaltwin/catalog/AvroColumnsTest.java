package ai.digitaltwin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.catalog.AvroColumns.AvroColumn;
import ai.digitaltwin.schemas.TwinState;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.Test;

class AvroColumnsTest {
  private static Schema record(String fields) {
    return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"R\", \"fields\": [" + fields + "]}");
  }

  private static final String INNER =
      "{\"type\": \"record\", \"name\": \"Inner\", \"fields\": [{\"name\": \"a\", \"type\": \"string\"}, {\"name\": \"b\", \"type\": [\"null\", \"int\"]}]}";

  @Test
  void aFieldIsAColumnWithItsIdAndColumnDocRequiredUnlessNullable() {
    List<AvroColumn> columns =
        AvroColumns.of(record(
            "{\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}, \"doc\": \"on the wire\", \"field-id\": 7},"
                + "{\"name\": \"bpm\", \"type\": [\"null\", \"double\"], \"field-id\": 3, \"column-doc\": \"beats per minute\"}"));

    assertThat(columns)
        .containsExactly(
            new AvroColumn(NestedField.required(7, "at", Types.TimestampType.withZone()), 0, -1),
            new AvroColumn(NestedField.optional(3, "bpm", Types.DoubleType.get(), "beats per minute"), 1, -1));
  }

  @Test
  void aRecordIsFlattenedIntoItsFieldsColumnsOptionalWhenItMayBeNull() {
    List<AvroColumn> required = AvroColumns.of(record("{\"name\": \"in\", \"type\": " + INNER + ", \"column-ids\": {\"a\": 4, \"b\": 5}}"));
    List<AvroColumn> nullable =
        AvroColumns.of(record("{\"name\": \"in\", \"type\": [\"null\", " + INNER + "], \"column-ids\": {\"a\": 4, \"b\": 5}}"));

    assertThat(required)
        .containsExactly(
            new AvroColumn(NestedField.required(4, "a", Types.StringType.get()), 0, 0),
            new AvroColumn(NestedField.optional(5, "b", Types.IntegerType.get()), 0, 1));
    assertThat(nullable).extracting(c -> c.column().isOptional()).containsExactly(true, true);
  }

  @Test
  void theSameRecordTypeTakesTheIdsOfTheFieldHoldingIt() {
    List<AvroColumn> state = AvroColumns.of(TwinState.getClassSchema());
    AvroColumn openness = state.stream().filter(c -> c.column().name().equals("openness")).findFirst().orElseThrow();

    assertThat(openness.column().fieldId()).isEqualTo(19);
    assertThat(openness.field()).isEqualTo(TwinState.getClassSchema().getField("personality").pos());
    assertThat(openness.subField()).isZero();
  }

  @Test
  void anArrayIsAListColumnWithTheElementIdOfItsType() {
    List<AvroColumn> columns =
        AvroColumns.of(record("{\"name\": \"tags\", \"type\": {\"type\": \"array\", \"items\": \"string\", \"element-id\": 20}, \"field-id\": 9}"));

    assertThat(columns).containsExactly(new AvroColumn(NestedField.required(9, "tags", Types.ListType.ofRequired(20, Types.StringType.get())), 0, -1));
    assertThatThrownBy(() -> AvroColumns.of(record("{\"name\": \"tags\", \"type\": {\"type\": \"array\", \"items\": \"string\"}, \"field-id\": 9}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("R.tags[] has no integer \"element-id\": every column of a table declares its id");
  }

  @Test
  void refusesAFieldWithoutAnId() {
    assertThatThrownBy(() -> AvroColumns.of(record("{\"name\": \"a\", \"type\": \"string\", \"field-id\": \"1\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("R.a has no integer \"field-id\": every column of a table declares its id");
  }

  @Test
  void refusesAFlattenedRecordWithoutAnIdForEachOfItsFields() {
    assertThatThrownBy(() -> AvroColumns.of(record("{\"name\": \"in\", \"type\": " + INNER + ", \"column-ids\": {\"a\": 4}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("R.in holds a Inner, flattened into one column per field: it needs \"column-ids\" with an integer id for each of [a, b], has {a=4}");
  }

  @Test
  void refusesTypesNoColumnIsDerivedFor() {
    assertThatThrownBy(() -> AvroColumns.of(record("{\"name\": \"u\", \"type\": [\"null\", \"int\", \"string\"], \"field-id\": 1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("R.u is the union [\"null\",\"int\",\"string\"]; a column may only be a type or null");
    assertThatThrownBy(() -> AvroColumns.of(record("{\"name\": \"d\", \"type\": {\"type\": \"int\", \"logicalType\": \"date\"}, \"field-id\": 1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("R.d is of Avro type {\"type\":\"int\",\"logicalType\":\"date\"}, which has no column type here");
  }
}
