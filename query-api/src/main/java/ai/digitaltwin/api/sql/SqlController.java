package ai.digitaltwin.api.sql;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.auth.Role;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.http.Csv;
import ai.digitaltwin.api.http.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/v1/sql} {@code {sql, limit}}: analysts and admins; JSON, or CSV on Accept: text/csv. */
public final class SqlController {
  /** The request body. */
  public record SqlRequest(String sql, Integer limit) {}

  private final SqlSandbox sandbox;
  private final ObjectMapper mapper;

  public SqlController(SqlSandbox sandbox, ObjectMapper mapper) {
    this.sandbox = sandbox;
    this.mapper = mapper;
  }

  public void query(Context ctx) {
    Principal.of(ctx).require(Role.ANALYST, Role.ADMIN);
    SqlRequest body = Json.body(ctx, mapper, SqlRequest.class);
    SqlSandbox.Answer answer = sandbox.run(body.sql(), body.limit());
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/csv")) {
      ctx.header("X-Truncated", String.valueOf(answer.truncated()));
      ctx.contentType("text/csv; charset=utf-8").result(Csv.of(new QueryResult(answer.columns(), answer.rows())));
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", answer.columns());
    out.put("rows", answer.rows());
    out.put("row_count", answer.rows().size());
    out.put("truncated", answer.truncated());
    out.put("elapsed_ms", answer.elapsedMs());
    ctx.json(out);
  }
}
