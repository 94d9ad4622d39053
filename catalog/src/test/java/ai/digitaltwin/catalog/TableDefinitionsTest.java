package ai.digitaltwin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.iceberg.PartitionSpecParser;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.SortOrderParser;
import org.apache.iceberg.util.JsonUtil;
import org.junit.jupiter.api.Test;

class TableDefinitionsTest {
  /**
   * Every table as it was declared field by field, before its schema was derived from the Avro one:
   * {@code tables/<table>.json} beside this class. Field ids, names, types, required-ness and docs are
   * what existing tables and the Iceberg committer state of savepoints were made with; none may change.
   */
  @Test
  void everyTableIsExactlyAsBefore() {
    for (String table : Tables.ALL) {
      TableDefinitions.Definition definition = TableDefinitions.of(table);
      String golden = golden(table);
      JsonNode before = JsonUtil.parse(golden, node -> node);
      Schema schemaBefore = SchemaParser.fromJson(before.get("schema"));

      assertThat(json(definition)).as(table).isEqualTo(golden);
      assertThat(definition.schema().sameSchema(schemaBefore)).as(table).isTrue();
      assertThat(definition.schema().asStruct()).as(table).isEqualTo(schemaBefore.asStruct());
      assertThat(definition.spec()).as(table).isEqualTo(PartitionSpecParser.fromJson(schemaBefore, before.get("partition-spec")));
      assertThat(definition.sortOrder()).as(table).isEqualTo(SortOrderParser.fromJson(schemaBefore, before.get("sort-order")));
    }
  }

  @Test
  void aChangedDocIsNoLongerTheSameSchema() {
    // the comparison above must see docs: Iceberg keeps them in the table's metadata
    Schema health = TableDefinitions.of(Tables.HEALTH_EVENTS).schema();
    Schema redocumented =
        new Schema(
            health.columns().stream()
                .map(f -> f.name().equals("spo2") ? org.apache.iceberg.types.Types.NestedField.from(f).withDoc("oxygen saturation").build() : f)
                .toList());

    assertThat(redocumented.sameSchema(health)).isFalse();
    assertThat(redocumented.asStruct()).isNotEqualTo(health.asStruct());
  }

  /** A table's schema, partition spec and sort order as Iceberg writes them into table metadata. */
  static String json(TableDefinitions.Definition definition) {
    return JsonUtil.generate(
            gen -> {
              gen.writeStartObject();
              gen.writeFieldName("schema");
              SchemaParser.toJson(definition.schema(), gen);
              gen.writeFieldName("partition-spec");
              PartitionSpecParser.toJson(definition.spec(), gen);
              gen.writeFieldName("sort-order");
              SortOrderParser.toJson(definition.sortOrder(), gen);
              gen.writeEndObject();
            },
            true)
        + "\n";
  }

  private static String golden(String table) {
    String resource = "tables/" + table + ".json";
    try (InputStream in = TableDefinitionsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
