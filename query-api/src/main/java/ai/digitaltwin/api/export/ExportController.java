package ai.digitaltwin.api.export;

import ai.digitaltwin.api.http.Csv;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.TwinRef;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** {@code GET /twins/{id}/export?table=&format=json|csv|parquet&from=&to=}: one table of one twin's history. */
public final class ExportController {
  static final Set<String> FORMATS = Set.of("json", "csv", "parquet");
  /** Without from/to, everything since 2000 up to now. */
  static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  private final ExportService exports;
  private final Clock clock;

  public ExportController(ExportService exports, Clock clock) {
    this.exports = exports;
    this.clock = clock;
  }

  /** The JSON body, rows written as DuckDB returns them rather than built as maps first. */
  private byte[] json(String id, String table, Window window) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator out = Json.MAPPER.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("twin_id", id);
      out.writeStringField("table", table);
      out.writeStringField("from", window.from().toString());
      out.writeStringField("to", window.to().toString());
      out.writeFieldName("rows");
      exports.writeJson(id, table, window, out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public void export(Context ctx) {
    String id = TwinRef.of(ctx).id();
    String table = Params.oneOf(ctx, "table", Tables.HEALTH_EVENTS, ExportService.TABLES.keySet());
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
      default -> ctx.contentType("application/json").result(json(id, table, window));
    }
  }
}
