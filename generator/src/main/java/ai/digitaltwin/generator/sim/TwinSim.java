package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.anomaly.Anomalies;
import ai.digitaltwin.generator.anomaly.Episode;
import ai.digitaltwin.generator.behavior.Activity;
import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.behavior.Moment;
import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.generator.vitals.Vitals;
import ai.digitaltwin.schemas.AnomalyTypes;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated person over time: behaviour, vitals, anomalies, and the events a tick produces. Each
 * twin reads at its own phase within the interval (real devices are not synchronised).
 */
final class TwinSim {
  private final SimSettings settings;
  private final long phaseMillis;
  private Person person;
  private final Behavior behavior;
  private final Vitals vitals = new Vitals();
  private final Anomalies anomalies = new Anomalies();
  private List<Held> held;
  private int stepsSinceStep;
  private long ticksSinceStep;
  private int offsetSeconds;
  private long offsetValidFrom = Long.MAX_VALUE;
  private long offsetValidUntil = Long.MIN_VALUE;

  private record Held(long releaseTick, Reading reading) {}

  TwinSim(Person person, SimSettings settings) {
    this.person = person;
    this.settings = settings;
    this.behavior = new Behavior(person);
    this.phaseMillis = Math.floorMod(Seeds.mix(person.seed(), 7), settings.intervalSeconds()) * 1000L;
  }

  void update(Person edited) {
    this.person = edited;
    behavior.reshape(edited);
    offsetValidFrom = Long.MAX_VALUE;
  }

  Person person() {
    return person;
  }

  void step(long tick, Emitter out) {
    long ts = settings.tickMillis(tick) + phaseMillis;
    double minutes = settings.minutes();
    SplittableRandom r = Seeds.at(person.seed(), tick, 0);
    Moment now = Moment.at(ts, offset(ts));
    Activity previous = behavior.advance(person, now, minutes, r);
    Reading reading = vitals.next(person, behavior, now, minutes, r);
    Episode started = anomalies.maybeStart(tick, minutes, settings.anomalyRate(),
        Anomalies.Context.of(behavior, now, reading), r);
    if (started != null) {
      out.groundTruth(groundTruth(started, tick, ts));
    }
    anomalies.apply(tick, reading, r);
    String id = person.twinId();
    if (previous != null) {
      out.behavior(new BehaviorEvent(Seeds.eventId(person.seed(), tick, EventKind.TRANSITION, 0), id, Instant.ofEpochMilli(ts),
          "transition", behavior.activity().wire(), previous.wire(), 0.0, reading.steps, round(behavior.energy(), 3),
          round(behavior.stress(), 3)));
    }
    Readings.stamp(reading, Seeds.eventIdHigh(person.seed(), tick, EventKind.HEALTH, 0),
        Seeds.eventIdLow(person.seed(), tick, EventKind.HEALTH, 0), id, ts, behavior);
    emitHealth(tick, reading, r, out);
    stepsSinceStep += reading.steps;
    if (settings.behaviorStepTicks() > 0 && ++ticksSinceStep >= settings.behaviorStepTicks()) {
      out.behavior(new BehaviorEvent(Seeds.eventId(person.seed(), tick, EventKind.STEP, 0), id, Instant.ofEpochMilli(ts), "step",
          behavior.activity().wire(), null, round(behavior.minutesIn(), 1), stepsSinceStep,
          round(behavior.energy(), 3), round(behavior.stress(), 3)));
      ticksSinceStep = 0;
      stepsSinceStep = 0;
    }
  }

  /** Emits the reading now, or a copy of it later when it arrives late; any held back that are due. */
  private void emitHealth(long tick, Reading reading, SplittableRandom r, Emitter out) {
    boolean late = settings.lateRate() > 0 && r.nextDouble() < settings.lateRate();
    boolean duplicate = settings.duplicateRate() > 0 && r.nextDouble() < settings.duplicateRate();
    if (late) {
      if (held == null) {
        held = new ArrayList<>(2);
      }
      held.add(new Held(tick + 1 + r.nextInt(10), reading.copy()));
    } else {
      out.health(reading);
    }
    if (duplicate) {
      out.health(reading);
    }
    if (held != null) {
      held.removeIf(
          h -> {
            boolean due = h.releaseTick <= tick;
            if (due) {
              out.health(h.reading);
            }
            return due;
          });
    }
  }

  private GroundTruthEpisode groundTruth(Episode e, long tick, long ts) {
    long end = ts + (e.endTick() - e.startTick()) * settings.intervalSeconds() * 1000L;
    return new GroundTruthEpisode(Seeds.eventId(person.seed(), tick, EventKind.GROUND_TRUTH, 0), person.twinId(),
        Instant.ofEpochMilli(ts), AnomalyTypes.wire(e.type()), Instant.ofEpochMilli(ts), Instant.ofEpochMilli(end), e.severity());
  }

  private int offset(long ts) {
    if (ts >= offsetValidUntil || ts < offsetValidFrom) { // zone offsets change only at transitions
      offsetSeconds = Moment.offsetSeconds(person.zone(), ts);
      var next = person.zone().getRules().nextTransition(Instant.ofEpochMilli(ts));
      offsetValidFrom = ts;
      offsetValidUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
    }
    return offsetSeconds;
  }

  static double round(double v, int decimals) {
    double f = decimals == 1 ? 10 : (decimals == 2 ? 100 : 1000);
    return Math.round(v * f) / f;
  }
}
