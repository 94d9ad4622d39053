package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.api.twin.ImportedTwins;
import ai.digitaltwin.api.twin.Twin;
import ai.digitaltwin.api.twin.TwinGate;
import ai.digitaltwin.api.twin.TwinRef;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /twins/{id}/events}: readings from a real wearable (JSON) or a file (CSV) go down the same
 * path as the generator's: HealthEvent Avro on the health topic, acks=all. Valid rows are sent, invalid
 * ones are reported by row number (1-based, header excluded) with the field and the reason.
 *
 * <p>Imports ({@code source=import}) are idempotent across runs: readings whose caller-given
 * {@code event_id} is already in the twin's history are left out and counted as {@code duplicates}
 * (the stream job's de-duplication only remembers a bounded horizon of event time).
 */
public final class IngestController {
  static final Set<String> SOURCES = Set.of("wearable", "import");
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final TwinService twins;
  private final ImportedTwins imported;
  private final TwinHistory history;
  private final EventProducer events;
  private final Clock clock;

  /** The body of {@code PUT /twins/{id}/import}: what the person says of themselves, each optional. */
  public record ImportedTwin(String name, String timezone) {}

  /**
   * The answer of {@code POST /twins/{id}/events}: how many readings were sent, how many left out as
   * already imported, the span of those sent ({@code from}/{@code to}, null when none), and each refused row.
   */
  public record Accepted(
      String twinId, int accepted, int duplicates, String from, String to, List<Rejected> rejected) {}

  /** A refused row: its number (1-based, header excluded), the field at fault and why. */
  public record Rejected(int row, String field, String message) {}

  /** The answer of {@code PUT /twins/{id}/import}: whether the twin was created, and the twin. */
  public record Ensured(String twinId, boolean created, Twin twin) {}

  public IngestController(
      TwinService twins, ImportedTwins imported, TwinHistory history, EventProducer events, Clock clock) {
    this.twins = twins;
    this.imported = imported;
    this.history = history;
    this.events = events;
    this.clock = clock;
  }

  public void ingest(Context ctx) {
    String twinId = TwinRef.of(ctx).id();
    String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    boolean csv = contentType.startsWith("text/csv");
    if (!csv && !contentType.startsWith("application/json")) {
      throw ApiException.badRequest("Content-Type must be application/json or text/csv", "Content-Type");
    }
    String source = ctx.queryParam("source") == null ? (csv ? "import" : "wearable") : ctx.queryParam("source");
    if (!SOURCES.contains(source)) {
      throw ApiException.badRequest("source must be wearable or import, got '" + source + "'", "source");
    }
    List<Map<String, String>> rows = csv ? ReadingRows.fromCsv(ctx.body()) : ReadingRows.fromJson(Json.tree(ctx));
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    List<EventProducer.Keyed<HealthEvent>> valid = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      try {
        valid.add(new EventProducer.Keyed<>(twinId, ReadingCheck.event(twinId, rows.get(i), source, latest)));
      } catch (ApiException e) {
        rejected.add(new Rejected(i + 1, e.toError().field(), e.getMessage()));
      }
    }
    if (valid.isEmpty()) {
      String first =
          rejected.isEmpty()
              ? "The body has no readings"
              : "Row " + rejected.get(0).row() + ": " + rejected.get(0).message();
      throw new ApiException(400, "bad_request", "No valid readings. " + first,
          rejected.isEmpty() ? null : rejected.get(0).field());
    }
    int duplicates = 0;
    if ("import".equals(source)) {
      List<EventProducer.Keyed<HealthEvent>> fresh = ImportedIds.withoutKnown(history, twinId, valid);
      duplicates = valid.size() - fresh.size();
      valid = fresh;
    }
    if (!valid.isEmpty()) {
      events.sendAll(Topics.HEALTH, valid);
    }
    // the span of what was accepted, so that an importer can say exactly what landed
    Instant from = null;
    Instant to = null;
    for (EventProducer.Keyed<HealthEvent> k : valid) {
      Instant ts = k.value().getTs();
      from = from == null || ts.isBefore(from) ? ts : from;
      to = to == null || ts.isAfter(to) ? ts : to;
    }
    ctx.status(202).json(new Accepted(
        twinId, valid.size(), duplicates, from == null ? null : from.toString(), to == null ? null : to.toString(), rejected));
  }

  /**
   * {@code PUT /twins/{id}/import}, optional body {@code {"name", "timezone"}}: makes sure a twin with
   * this id exists before readings are imported into it ({@link ImportedTwins#ensure}). An unknown id
   * becomes a twin marked as imported (owned by the caller, never simulated): 201; an existing twin the
   * caller may change: 200. Also brings the history views up to date, so the duplicate check of the
   * import that follows sees every reading committed so far.
   */
  public void ensureImported(Context ctx) {
    String twinId = TwinGate.id(ctx);
    Principal caller = Principal.of(ctx);
    ImportedTwin given = ctx.body().isBlank() ? new ImportedTwin(null, null) : Json.body(ctx, ImportedTwin.class);
    history.refreshNow();
    boolean created = imported.ensure(twinId, caller, given.name(), given.timezone());
    ctx.status(created ? 201 : 200).json(new Ensured(twinId, created, twins.get(twins.registry(twinId))));
  }
}
