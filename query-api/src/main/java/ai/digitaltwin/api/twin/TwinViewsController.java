package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.anomaly.AnomalyService;
import ai.digitaltwin.api.behavior.BehaviorService;
import ai.digitaltwin.api.daily.DailyFigure;
import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.trends.TrendService;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTTP for the read-only views of one twin's history: trends, daily figures, behaviour and anomalies
 * (access checked before, by {@link TwinGate}).
 */
public final class TwinViewsController {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,64}");

  /** The services behind the views. */
  public record Views(TrendService trends, BehaviorService behavior, AnomalyService anomalies, DailyFigures daily) {}

  private final Views views;
  private final Clock clock;

  public TwinViewsController(Views views, Clock clock) {
    this.views = views;
    this.clock = clock;
  }

  public void trends(Context ctx) {
    String id = TwinRef.of(ctx).id();
    String metric = ctx.queryParam("metric");
    if (metric == null) {
      throw ApiException.badRequest("metric is required, one of " + String.join(", ", new java.util.TreeSet<>(TrendService.METRICS)), "metric");
    }
    metric = Params.oneOf(ctx, "metric", null, TrendService.METRICS);
    String bucket = Params.oneOf(ctx, "bucket", "hour", TrendService.BUCKETS);
    Duration span = bucket.equals("hour") ? Duration.ofDays(7) : Duration.ofDays(30);
    Window window = Window.of(ctx, clock, span, Window.MAX_TWIN_VIEW);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
    try (JsonGenerator out = Json.MAPPER.createGenerator(bytes)) {
      views.trends().write(id, metric, bucket, window, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType("application/json").result(bytes.toByteArray());
  }

  /**
   * The twin's figures per local day: {@code from} and {@code to} are ISO dates (to exclusive; by default
   * the 30 days up to and including the twin's today), {@code source=raw} computes every day from the
   * readings.
   */
  public void daily(Context ctx) {
    String id = TwinRef.of(ctx).id();
    LocalDate to = date(ctx, "to");
    LocalDate from = date(ctx, "from");
    if (to == null) {
      to = from != null ? from.plusDays(30) : LocalDate.ofInstant(clock.instant(), views.daily().zone(id)).plusDays(1);
    }
    if (from == null) {
      from = to.minusDays(30);
    }
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("from must be before to", "from");
    }
    if (ChronoUnit.DAYS.between(from, to) > DailyFigures.MAX_DAYS) {
      throw ApiException.badRequest("from..to may span at most " + DailyFigures.MAX_DAYS + " days", "from");
    }
    String source = Params.oneOf(ctx, "source", "auto", Set.of("auto", "raw"));
    var days = views.daily().figures(id, from, to, DailyFigures.Source.valueOf(source.toUpperCase(Locale.ROOT)));
    ctx.json(new Days(id, from.toString(), to.toString(), days));
  }

  /** The body of {@code GET /twins/{id}/health/daily}: the days asked ({@code to} exclusive) that have readings. */
  public record Days(String twinId, String from, String to, List<DailyFigure> days) {}

  private static LocalDate date(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date such as 2026-03-01", name);
    }
  }

  public void behavior(Context ctx) {
    String id = TwinRef.of(ctx).id();
    ctx.json(views.behavior().behavior(id, Window.of(ctx, clock, Duration.ofDays(30), Window.MAX_TWIN_VIEW)));
  }

  public void anomalies(Context ctx) {
    String id = TwinRef.of(ctx).id();
    String type = ctx.queryParam("type");
    if (type != null && !TYPE.matcher(type).matches()) {
      throw ApiException.badRequest("type must be 1-64 lowercase letters, digits or '_'", "type");
    }
    String severity = Params.oneOf(ctx, "severity", null, AnomalyService.SEVERITIES);
    int limit = Params.integer(ctx, "limit", 100, 1, 10_000);
    Window window = Window.of(ctx, clock, Duration.ofDays(30), Window.MAX_TWIN_VIEW);
    ctx.json(views.anomalies().anomalies(id, window, type, severity, limit));
  }
}
