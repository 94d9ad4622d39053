package ai.digitaltwin.stack.notebooks;

import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.time.Duration;
import java.util.Map;

/**
 * Waits until a seeded stack's whole history is produced, committed to the Iceberg tables and visible
 * through the SQL endpoint, and the stream job's twin state has caught up with every reading, so every
 * notebook sees the same complete data set.
 */
final class Seeded {
  private static final Map<Topic<?>, String> TABLE_OF =
      Map.of(
          Topics.HEALTH, Tables.HEALTH_EVENTS,
          Topics.BEHAVIOR, Tables.BEHAVIOR_EVENTS,
          Topics.GROUND_TRUTH, Tables.GROUND_TRUTH);

  /** Twins whose newest state snapshot has not yet folded in all of their readings. */
  private static final String STATE_BEHIND =
      "SELECT count(*) FROM (SELECT twin_id, count(*) AS n FROM health_events GROUP BY twin_id) h"
          + " LEFT JOIN (SELECT twin_id, max(readings) AS folded FROM twin_state GROUP BY twin_id) s USING (twin_id)"
          + " WHERE s.folded IS NULL OR s.folded < h.n";

  private Seeded() {}

  static void awaitCommitted(GeneratorService generator, AnalystSql sql, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String waitingFor = "the generator to reach GENERATOR_END";
    while (System.nanoTime() < deadline) {
      if (generator.failure().isPresent()) {
        throw new AssertionError("the generator stopped", generator.failure().get());
      }
      waitingFor = generator.finished() ? lagging(generator, sql) : "the generator to reach GENERATOR_END";
      if (waitingFor == null) {
        return;
      }
      Thread.sleep(500); // polling interval of a condition with a deadline, not a synchronisation
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + waitingFor);
  }

  /** What is still missing: a table short of what was produced, or twin state behind the readings; null when nothing. */
  private static String lagging(GeneratorService generator, AnalystSql sql) {
    for (Map.Entry<Topic<?>, String> e : TABLE_OF.entrySet()) {
      long produced = generator.produced(e.getKey());
      long visible = sql.count(e.getValue());
      if (produced == 0 || visible != produced) {
        return e.getValue() + " to show " + produced + " events (shows " + visible + ")";
      }
    }
    long behind = sql.number(STATE_BEHIND);
    return behind == 0 ? null : "twin_state to fold in every reading (" + behind + " twins behind)";
  }
}
