package ai.digitaltwin.api.export;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.http.Csv;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.TwinIds;
import ai.digitaltwin.api.twin.TwinService;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code GET /twins/{id}/export?table=&format=json|csv|parquet&from=&to=}: one table of one twin's history. */
public final class ExportController {
  static final Set<String> FORMATS = Set.of("json", "csv", "parquet");
  /** Without from/to, everything since 2000 up to now. */
  static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  private final TwinService twins;
  private final ExportService exports;
  private final Clock clock;

  public ExportController(TwinService twins, ExportService exports, Clock clock) {
    this.twins = twins;
    this.exports = exports;
    this.clock = clock;
  }

  public void export(Context ctx) {
    String id = TwinIds.require(ctx.pathParam("id"));
    twins.readable(id, Principal.of(ctx));
    String table = Params.oneOf(ctx, "table", "health_events", ExportService.TABLES.keySet());
    String format = Params.oneOf(ctx, "format", "json", FORMATS);
    Instant now = clock.instant();
    Window window =
        ctx.queryParam("from") == null && ctx.queryParam("to") == null
            ? new Window(EPOCH, now.plusSeconds(1))
            : Window.of(ctx, clock, Duration.ofDays(30), Duration.ofDays(36_500));
    String file = id + "-" + table;
    switch (format) {
      case "csv" -> {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.of(exports.rows(id, table, window)));
      }
      case "parquet" -> {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".parquet\"");
        ctx.contentType("application/vnd.apache.parquet").result(exports.parquet(id, table, window));
      }
      default -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("twin_id", id);
        body.put("table", table);
        body.put("from", window.from().toString());
        body.put("to", window.to().toString());
        body.put("rows", exports.rows(id, table, window).asMaps());
        ctx.json(body);
      }
    }
  }
}
