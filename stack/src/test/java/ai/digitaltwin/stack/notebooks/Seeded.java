package ai.digitaltwin.stack.notebooks;

import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.time.Duration;
import java.util.Map;

/**
 * Waits until a seeded stack's whole history is produced, committed to the Iceberg tables and visible
 * through the SQL endpoint, so every notebook sees the same complete data set.
 */
final class Seeded {
  private static final Map<Topic<?>, String> TABLE_OF =
      Map.of(
          Topics.HEALTH, Tables.HEALTH_EVENTS,
          Topics.BEHAVIOR, Tables.BEHAVIOR_EVENTS,
          Topics.GROUND_TRUTH, Tables.GROUND_TRUTH);

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

  /** The first table that does not yet show every event produced to its topic, or null. */
  private static String lagging(GeneratorService generator, AnalystSql sql) {
    for (Map.Entry<Topic<?>, String> e : TABLE_OF.entrySet()) {
      long produced = generator.produced(e.getKey());
      long visible = sql.count(e.getValue());
      if (produced == 0 || visible != produced) {
        return e.getValue() + " to show " + produced + " events (shows " + visible + ")";
      }
    }
    return null;
  }
}
