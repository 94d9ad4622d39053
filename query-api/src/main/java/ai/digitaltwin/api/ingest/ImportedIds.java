package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
    Instant from = batch.stream().map(k -> k.value().getTs()).min(Instant::compareTo).orElseThrow();
    Instant to = batch.stream().map(k -> k.value().getTs()).max(Instant::compareTo).orElseThrow();
    // ids were checked by ReadingCheck (letters, digits, '-', '_'): safe to write as literals
    String ids = batch.stream().map(k -> "'" + k.value().getEventId() + "'").distinct().collect(Collectors.joining(","));
    String relation = history.relation(Tables.HEALTH_EVENTS, twinId, from, to.plusMillis(1));
    Set<Object> known = new HashSet<>();
    for (List<Object> row : history.query(KNOWN.formatted(relation, ids),
        List.of(twinId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))).rows()) {
      known.add(row.get(0));
    }
    Set<String> inBatch = new HashSet<>();
    return batch.stream()
        .filter(k -> !known.contains(k.value().getEventId()) && inBatch.add(k.value().getEventId()))
        .toList();
  }
}
