package ai.digitaltwin.api.sql;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.auth.Role;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.http.Csv;
import ai.digitaltwin.api.http.Json;
import io.javalin.http.Context;
import java.util.List;

/** {@code POST /api/v1/sql} {@code {sql, limit}}: analysts and admins; JSON, or CSV on Accept: text/csv. */
public final class SqlController {
  /** The request body. */
  public record SqlRequest(String sql, Integer limit) {}

  private final SqlSandbox sandbox;

  public SqlController(SqlSandbox sandbox) {
    this.sandbox = sandbox;
  }

  public void query(Context ctx) {
    Principal.of(ctx).require(Role.ANALYST, Role.ADMIN);
    SqlRequest body = Json.body(ctx, SqlRequest.class);
    SqlSandbox.Answer answer = sandbox.run(body.sql(), body.limit());
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/csv")) {
      ctx.header("X-Truncated", String.valueOf(answer.truncated()));
      ctx.contentType("text/csv; charset=utf-8").result(Csv.of(new QueryResult(answer.columns(), answer.rows())));
      return;
    }
    ctx.json(new Rows(answer.columns(), answer.rows(), answer.rows().size(), answer.truncated(), answer.elapsedMs()));
  }

  /**
   * The JSON answer: column names, then each row's values in column order (any SQL type, as JSON values),
   * whether rows were cut at the limit, and the time the query took.
   */
  public record Rows(List<String> columns, List<List<Object>> rows, int rowCount, boolean truncated, long elapsedMs) {}
}
