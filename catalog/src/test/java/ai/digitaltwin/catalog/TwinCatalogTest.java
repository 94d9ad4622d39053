package ai.digitaltwin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinCatalogTest {
  @TempDir Path warehouse;

  @Test
  void aTableCreatedBeforeItsDefinitionGainedAColumnGainsItWithTheDeclaredId() throws Exception {
    Schema declared = TableDefinitions.of(Tables.HEALTH_EVENTS).schema();
    List<NestedField> columns = declared.columns();
    NestedField newest = columns.get(columns.size() - 1);
    try (TwinCatalog catalog = TwinCatalog.open(CatalogConfig.local(warehouse))) {
      catalog.ensureTables();
      catalog.catalog().dropTable(TwinCatalog.identifier(Tables.HEALTH_EVENTS), true);
      catalog.catalog().createTable(
          TwinCatalog.identifier(Tables.HEALTH_EVENTS), new Schema(columns.subList(0, columns.size() - 1)));

      Table table = catalog.ensureTable(Tables.HEALTH_EVENTS);
      int schemaId = table.schema().schemaId();

      assertThat(table.schema().columns()).extracting(NestedField::name)
          .containsExactlyElementsOf(columns.stream().map(NestedField::name).toList());
      assertThat(table.schema().findField(newest.name()).fieldId()).isEqualTo(newest.fieldId());
      assertThat(catalog.ensureTable(Tables.HEALTH_EVENTS).schema().schemaId()).as("nothing more to add").isEqualTo(schemaId);
    }
  }
}
