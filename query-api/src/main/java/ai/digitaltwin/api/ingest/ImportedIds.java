package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The readings of an import batch whose event ids are not yet in the twin's history: a file imported
 * again adds nothing, however long ago the first import ran. Reads only the twin's files that overlap
 * the batch's time span.
 */
final class ImportedIds {
  static final String KNOWN = "SELECT event_id FROM %s WHERE twin_id = ? AND ts >= ? AND ts <= ? AND event_id IN (%s)";

  private ImportedIds() {}

  static List<EventProducer.Keyed<HealthEvent>> withoutKnown(
      TwinHistory history, String twinId, List<EventProducer.Keyed<HealthEvent>> batch) {
    if (batch.isEmpty()) {
      return batch;
    }
    Instant from = batch.get(0).value().getTs();
    Instant to = from;
    for (EventProducer.Keyed<HealthEvent> k : batch) {
      Instant ts = k.value().getTs();
      from = ts.isBefore(from) ? ts : from;
      to = ts.isAfter(to) ? ts : to;
    }
    Set<String> known = new HashSet<>();
    // a batch beyond the time span of every file of the twin's history (a first import, a new day) asks nothing
    if (history.views().mayHold(Tables.HEALTH_EVENTS, twinId, from, to.plusMillis(1))) {
      // ids were checked by ReadingCheck (letters, digits, '-', '_'): safe to write as literals
      StringBuilder ids = new StringBuilder(batch.size() * 40);
      for (EventProducer.Keyed<HealthEvent> k : batch) {
        ids.append(ids.length() == 0 ? "'" : ",'").append(k.value().getEventId()).append('\'');
      }
      String relation = history.relation(Tables.HEALTH_EVENTS, twinId, from, to.plusMillis(1));
      for (List<Object> row : history.query(KNOWN.formatted(relation, ids),
          List.of(twinId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))).rows()) {
        known.add((String) row.get(0));
      }
    }
    Set<String> inBatch = new HashSet<>(batch.size() * 2);
    List<EventProducer.Keyed<HealthEvent>> fresh = new ArrayList<>(batch.size());
    for (EventProducer.Keyed<HealthEvent> k : batch) {
      String id = k.value().getEventId();
      if (!known.contains(id) && inBatch.add(id)) {
        fresh.add(k);
      }
    }
    return fresh;
  }
}
