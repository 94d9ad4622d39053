package ai.digitaltwin.jobs;

import static ai.digitaltwin.jobs.Events.T0;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** Decoded health readings one minute apart, for operator tests. */
public final class Readings {
  private Readings() {}

  public static Instant minute(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  /** A calm reading whose heart rate wobbles by ±2 bpm, so no two neighbours are identical. */
  public static Consumed<HealthEvent> calm(String twin, long m) {
    return reading(twin, m, 70 + (m * 7) % 5 - 2);
  }

  public static Consumed<HealthEvent> reading(String twin, long m, double bpm) {
    return of(Events.reading(twin, minute(m), bpm), m);
  }

  public static Consumed<HealthEvent> reading(String twin, long m, double bpm, UnaryOperator<HealthEvent> change) {
    return of(change.apply(Events.reading(twin, minute(m), bpm)), m);
  }

  public static Consumed<HealthEvent> of(HealthEvent e, long offset) {
    return new Consumed<>(e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(), 0, offset, e);
  }
}
