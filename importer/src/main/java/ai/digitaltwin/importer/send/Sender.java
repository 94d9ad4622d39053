package ai.digitaltwin.importer.send;

import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.Skips;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends readings to the API's ingest endpoint in batches, one HealthEvent per reading with only its
 * field set (signals sampled at different rates are not resampled or merged: a 5-s heart rate and a
 * per-minute step count each keep their own times). Counts what the API accepted, what it already had
 * (an earlier import of the same samples) and what it rejected, by reason.
 */
public final class Sender implements ReadingSink {
  public static final int BATCH = 5_000;
  public static final String ALREADY = "already imported";

  private final ApiClient api;
  private final String twinId;
  private final Skips skips;
  private final List<Map<String, Object>> batch = new ArrayList<>(BATCH);
  private long accepted;
  private Instant from;
  private Instant to;
  private ApiClient.ApiException failure;

  public Sender(ApiClient api, String twinId, Skips skips) {
    this.api = api;
    this.twinId = twinId;
    this.skips = skips;
  }

  /**
   * A reading as a row of the ingest endpoint: its event id ({@link EventIds}), time (epoch milliseconds,
   * as precise as any export's times: the API reads them without a date parser, which took a seventh of
   * its ingest time) and one field. The API's upload of an export builds the same rows, so a file gives
   * the same events either way.
   */
  public static Map<String, Object> row(String twinId, Reading r) {
    Map<String, Object> row = new LinkedHashMap<>(4);
    row.put("event_id", EventIds.of(twinId, r));
    row.put("ts", r.ts().toEpochMilli());
    row.put(r.metric().field(), r.metric().whole() ? (Object) Math.round(r.value()) : (Object) r.value());
    return row;
  }

  @Override
  public void accept(Reading r) {
    batch.add(row(twinId, r));
    if (batch.size() == BATCH) {
      flush();
      if (failure != null) {
        throw new Stopped(failure);
      }
    }
  }

  @Override
  public void skip(String reason) {
    skips.add(reason);
  }

  /** Sends what is waiting; after a failure nothing more is sent and {@link #failure()} says why. */
  public void flush() {
    if (batch.isEmpty() || failure != null) {
      return;
    }
    try {
      JsonNode answer = api.send(twinId, batch);
      accepted += answer.get("accepted").asLong();
      skips.add(ALREADY, answer.path("duplicates").asLong());
      for (JsonNode problem : answer.path("rejected")) {
        skips.add("rejected by the API: " + problem.path("message").asText());
      }
      span(answer.path("from").asText(null), answer.path("to").asText(null));
    } catch (ApiClient.ApiException e) {
      failure = e;
    }
    batch.clear();
  }

  private void span(String first, String last) {
    if (first != null) {
      Instant f = Instant.parse(first);
      from = from == null || f.isBefore(from) ? f : from;
    }
    if (last != null) {
      Instant t = Instant.parse(last);
      to = to == null || t.isAfter(to) ? t : to;
    }
  }

  /** Reading stops at the first batch the API would not take: nothing after it could land either. */
  public static final class Stopped extends RuntimeException {
    public Stopped(ApiClient.ApiException cause) {
      super(cause.getMessage(), cause);
    }
  }

  public ApiClient.ApiException failure() {
    return failure;
  }

  public long accepted() {
    return accepted;
  }

  public Instant from() {
    return from;
  }

  public Instant to() {
    return to;
  }
}
