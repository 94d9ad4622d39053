package ai.digitaltwin.api.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in a statement serialized by {@code json_serialize_sql}, the first thing it reads that is not
 * the project's data: DuckDB's settings, catalog, logs or secrets, or a file. The sandbox's lockdown keeps
 * files outside the warehouse unreadable, but DuckDB still answers its own table functions and system views
 * ({@code duckdb_settings()} lists the allowed directories, {@code pg_get_viewdef} the views' file lists);
 * the endpoint is documented to read the views, so everything else is refused by name before it runs.
 *
 * <p>Table functions are allowed from a short list (they generate values; none reads state); scalar
 * functions and tables are refused by name, since DuckDB has hundreds of harmless ones.
 */
final class CatalogReach {
  /** Table functions that generate rows from their arguments alone. */
  static final Set<String> TABLE_FUNCTIONS =
      Set.of("range", "generate_series", "unnest", "json_each", "json_tree", "repeat", "repeat_row");

  /** Scalar functions that read the configuration, the environment or the catalog's definitions. */
  static final Set<String> SCALAR_FUNCTIONS =
      Set.of(
          "current_setting", "getvariable", "getenv", "current_query", "pg_get_viewdef", "pg_get_expr",
          "pg_get_constraintdef", "col_description", "obj_description", "shobj_description");

  /** The catalog views an analyst may read: they list the views and their columns, nothing more. */
  static final Set<String> INFORMATION_SCHEMA = Set.of("tables", "columns");

  private CatalogReach() {}

  /** What the statement reads beyond the views ("table function duckdb_settings"), or null. */
  static String denied(JsonNode node) {
    if (node.isObject()) {
      String found = deniedHere(node);
      if (found != null) {
        return found;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        found = denied(field.getValue());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        String found = denied(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String deniedHere(JsonNode node) {
    String type = node.path("type").asText();
    if (type.equals("TABLE_FUNCTION")) {
      String name = lower(node.path("function").path("function_name").asText());
      return TABLE_FUNCTIONS.contains(name) ? null : "Table function " + name;
    }
    if (type.equals("BASE_TABLE")) {
      String name = node.path("table_name").asText();
      return systemTable(lower(node.path("schema_name").asText()), lower(name)) ? "Table " + qualified(node) : null;
    }
    if ("FUNCTION".equals(node.path("class").asText())) {
      String name = lower(node.path("function_name").asText());
      // a table function's own FUNCTION node was judged above; its name is in the allowed list
      if (SCALAR_FUNCTIONS.contains(name) || name.startsWith("duckdb_")) {
        return "Function " + name;
      }
    }
    return null;
  }

  /**
   * DuckDB's own views (main's {@code duckdb_*}, {@code sqlite_*} and {@code pragma_*}, all of
   * {@code pg_catalog}, which is on the search path, and information_schema but its lists of tables and
   * columns), and file paths, which DuckDB reads by replacement scan ({@code FROM 'x.csv'}).
   */
  static boolean systemTable(String schema, String name) {
    if (schema.equals("pg_catalog") || name.startsWith("pg_")) {
      return true;
    }
    if (schema.equals("information_schema")) {
      return !INFORMATION_SCHEMA.contains(name);
    }
    return name.startsWith("duckdb_") || name.startsWith("sqlite_") || name.startsWith("pragma_")
        || name.contains("/") || name.contains("\\") || name.contains(".") || name.contains(":");
  }

  private static String qualified(JsonNode node) {
    String schema = node.path("schema_name").asText();
    return (schema.isEmpty() ? "" : schema + ".") + node.path("table_name").asText();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
