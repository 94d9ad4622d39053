package ai.digitaltwin.api.sql;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.HistoryQueryException;
import ai.digitaltwin.api.history.TwinHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Accepts a SQL text only when DuckDB's own parser, through {@code json_serialize_sql}, reads it as
 * exactly one SELECT (it refuses to serialize anything else). The statement DuckDB parsed is then
 * rendered back to SQL by DuckDB (comments and semicolons gone), wrapped in
 * {@code SELECT * FROM (...) LIMIT n}, and the wrapped text is checked again, so no text can use the
 * wrapping to become something else. A SELECT that reads anything but the views and a few row
 * generators (DuckDB's settings, catalog or files) is refused too ({@link CatalogReach}).
 */
final class SqlGuard {
  static final int MAX_LENGTH = 100_000;
  static final String NOT_SELECT =
      "Only a single read-only SELECT statement is accepted; DELETE, INSERT, UPDATE, COPY, SET, PRAGMA and DDL are refused";
  static final String VIEWS_ONLY =
      "SQL reads the project's views (information_schema.tables and information_schema.columns list them), "
          + "not DuckDB's settings, catalog or files";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwinHistory database;
  private final Consumer<String> refused;

  SqlGuard(TwinHistory database, Consumer<String> refused) {
    this.database = database;
    this.refused = refused;
  }

  /** The text to run, limited to {@code maxRows}; a 400 naming why when the text is refused. */
  String check(String sql, int maxRows) {
    if (sql == null || sql.isBlank()) {
      throw refuse("empty", "sql is required");
    }
    if (sql.length() > MAX_LENGTH) {
      throw refuse("too_long", "sql must be at most " + MAX_LENGTH + " characters");
    }
    singleSelect(sql);
    // DuckDB's own rendering of the parsed statement: no comments, no semicolons, safe to wrap
    String canonical;
    try {
      canonical =
          (String) database.query("SELECT json_deserialize_sql(json_serialize_sql(?))", List.of(sql)).rows().get(0).get(0);
    } catch (HistoryQueryException e) {
      throw uncheckable(e);
    }
    String wrapped = "SELECT * FROM (\n" + canonical + "\n) AS q LIMIT " + maxRows;
    singleSelect(wrapped);
    return wrapped;
  }

  private void singleSelect(String sql) {
    String serialized;
    try {
      serialized = (String) database.query("SELECT CAST(json_serialize_sql(?) AS VARCHAR)", List.of(sql)).rows().get(0).get(0);
    } catch (HistoryQueryException e) {
      throw uncheckable(e);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(serialized);
    } catch (IOException e) {
      throw refuse("parse", "SQL could not be checked");
    }
    if (tree.path("error").asBoolean(false)) {
      String message = tree.path("error_message").asText("not a SELECT");
      if (SharedMemory.allocationFailure(message)) {
        // the parser ran out of the memory a query beside it took: not the text's fault
        throw new HistoryQueryException(message, null);
      }
      if (message.contains("Only SELECT")) {
        // DuckDB's wording names its serializer; the user asked for something other than a query
        throw refuse("not_select", NOT_SELECT);
      }
      throw refuse("parse", "The SQL could not be parsed: " + message);
    }
    int statements = tree.path("statements").size();
    if (statements != 1) {
      throw refuse("statements", "Exactly one SELECT statement is accepted, got " + statements);
    }
    if (tree.findValues("type").stream().anyMatch(type -> type.asText().equals("RECURSIVE_CTE_NODE"))) {
      // each step can double a value (s || s): the step that builds a gigabyte is one call, and ran
      // seconds past the time limit on a busy machine
      throw refuse("recursive", "WITH RECURSIVE is not allowed here: each step can grow a value without bound, which no time limit interrupts");
    }
    String denied = deniedFunction(tree, false);
    if (denied != null) {
      throw refuse("function", "Function " + denied + " is not allowed here: one call can build a value of any size, which no time limit interrupts");
    }
    String beyond = CatalogReach.denied(tree);
    if (beyond != null) {
      throw refuse("catalog", beyond + " is not allowed here: " + VIEWS_ONLY);
    }
  }

  /**
   * Scalar functions whose one call allocates a value as large as an argument says (a string, a list):
   * DuckDB checks for interruption between vectors, not inside such a call, so the time and memory limits
   * do not hold for them ({@code repeat('x', 2e9)} ran a minute past a 3 s limit). {@code range} and
   * {@code generate_series} stay allowed as table functions, which stream.
   */
  static final java.util.Set<String> UNBOUNDED =
      java.util.Set.of("repeat", "lpad", "rpad", "printf", "format", "list_resize", "array_resize", "range", "generate_series", "bar");

  /** The first denied scalar function call in a serialized statement, or null. */
  static String deniedFunction(JsonNode node, boolean tableFunction) {
    if (node.isObject()) {
      boolean table = "TABLE_FUNCTION".equals(node.path("type").asText());
      if (!tableFunction && "FUNCTION".equals(node.path("class").asText())
          && UNBOUNDED.contains(node.path("function_name").asText().toLowerCase(java.util.Locale.ROOT))) {
        return node.path("function_name").asText();
      }
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> field = it.next();
        // the function a table function node calls is the table function itself; its arguments are checked
        String found = deniedFunction(field.getValue(), table && field.getKey().equals("function"));
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        String found = deniedFunction(child, false);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * A check that failed: out of memory is passed on as it is, since another user's query beside it can
   * have taken the sandbox's memory ({@link SharedMemory} runs it again); anything else refuses the text.
   */
  private RuntimeException uncheckable(HistoryQueryException e) {
    return SharedMemory.outOfMemory(e) ? e : refuse("parse", "SQL could not be checked: " + e.getMessage());
  }

  private ApiException refuse(String reason, String message) {
    refused.accept(reason);
    return ApiException.badRequest(message, "sql");
  }
}
