package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.Skips;
import ai.digitaltwin.importer.send.Sender;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of an uploaded export on their way to the health topic, as the ingest endpoint takes
 * {@code ./twin import}'s batches: the same rows ({@link Sender#row}, so the same event ids), the same
 * checks ({@link ReadingCheck}), readings already in the twin's history left out ({@link ImportedIds}),
 * in batches of {@value Sender#BATCH}, each acknowledged by Kafka before the next.
 */
final class ImportBatches implements ReadingSink {
  private final String twinId;
  private final TwinHistory history;
  private final EventProducer events;
  private final Instant latest;
  private final Skips skips;
  private final List<EventProducer.Keyed<HealthEvent>> batch = new ArrayList<>(Sender.BATCH);
  private long records;
  private Instant from;
  private Instant to;

  ImportBatches(String twinId, TwinHistory history, EventProducer events, Instant latest, Skips skips) {
    this.twinId = twinId;
    this.history = history;
    this.events = events;
    this.latest = latest;
    this.skips = skips;
  }

  @Override
  public void accept(Reading r) {
    Map<String, String> row = new LinkedHashMap<>(4);
    Sender.row(twinId, r).forEach((k, v) -> row.put(k, String.valueOf(v)));
    try {
      batch.add(new EventProducer.Keyed<>(twinId, ReadingCheck.event(twinId, row, "import", latest)));
    } catch (ApiException e) {
      skips.add("rejected: " + e.getMessage());
      return;
    }
    if (batch.size() == Sender.BATCH) {
      flush();
    }
  }

  @Override
  public void skip(String reason) {
    skips.add(reason);
  }

  /** Sends what waits. */
  void flush() {
    List<EventProducer.Keyed<HealthEvent>> fresh = ImportedIds.withoutKnown(history, twinId, batch);
    skips.add(Sender.ALREADY, batch.size() - fresh.size());
    if (!fresh.isEmpty()) {
      events.sendAll(Topics.HEALTH, fresh);
    }
    for (EventProducer.Keyed<HealthEvent> k : fresh) {
      Instant ts = k.value().getTs();
      from = from == null || ts.isBefore(from) ? ts : from;
      to = to == null || ts.isAfter(to) ? ts : to;
    }
    records += fresh.size();
    batch.clear();
  }

  long records() {
    return records;
  }

  Instant from() {
    return from;
  }

  Instant to() {
    return to;
  }
}
