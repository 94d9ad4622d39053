package ai.digitaltwin.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View text read by a real DuckDB over real Parquet files. */
class ViewDefinitionsTest {
  static final Schema SCHEMA =
      new Schema(required(1, "twin_id", Types.StringType.get()), optional(2, "bpm", Types.DoubleType.get()));

  @TempDir Path dir;

  @Test
  void filesOfOneSchemaAreReadAsTheyAre() throws Exception {
    String a = write("a.parquet", "SELECT 'a' AS twin_id, 61.0 AS bpm");
    String b = write("b.parquet", "SELECT 'b' AS twin_id, 72.0 AS bpm");
    String select = ViewDefinitions.select(SCHEMA, List.of(a, b), true);
    assertThat(select).doesNotContain("union_by_name");
    assertThat(rows(select)).containsExactly("a 61.0", "b 72.0");
  }

  @Test
  void aFileWrittenBeforeAColumnWasAddedLacksItWhenTheSchemaEvolved() throws Exception {
    String before = write("before.parquet", "SELECT 'a' AS twin_id");
    String after = write("after.parquet", "SELECT 'b' AS twin_id, 72.0 AS bpm");
    String select = ViewDefinitions.select(SCHEMA, List.of(before, after), false);
    assertThat(select).contains("union_by_name = true");
    assertThat(rows(select)).containsExactly("a null", "b 72.0");
  }

  @Test
  void aColumnAddedAfterEveryFileWasWrittenIsNullInAll() throws Exception {
    // right after a table gained a column (a new vital): no file has it yet
    String a = write("a.parquet", "SELECT 'a' AS twin_id");
    String b = write("b.parquet", "SELECT 'b' AS twin_id");
    assertThat(rows(ViewDefinitions.select(SCHEMA, List.of(a, b), false))).containsExactly("a null", "b null");
    assertThat(rows(ViewDefinitions.select(SCHEMA, List.of(a), false))).containsExactly("a null");
  }

  @Test
  void noFilesIsAnEmptyRelationOfTheTablesShape() throws Exception {
    assertThat(rows(ViewDefinitions.select(SCHEMA, List.of(), true))).isEmpty();
  }

  private String write(String name, String query) throws Exception {
    String path = dir.resolve(name).toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (" + query + ") TO '" + path + "' (FORMAT parquet)");
    }
    return path;
  }

  private static List<String> rows(String select) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select + " ORDER BY twin_id")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getObject(2));
      }
    }
    return out;
  }
}
