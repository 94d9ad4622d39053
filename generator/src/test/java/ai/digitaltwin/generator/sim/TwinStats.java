package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.behavior.Moment;
import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-twin aggregates of a population run, kept as the events stream by (a full run does not fit in memory). */
final class TwinStats implements Emitter {
  static final class Of {
    double nightHr;
    int night;
    double dayHr;
    int day;
    double leisureHr;
    int leisure;
    long awake;
    long social;
    final List<Double> weekdayWakeHours = new ArrayList<>();
  }

  final Map<String, Of> byTwin = new HashMap<>();
  private final Map<String, Person> people = new HashMap<>();

  void know(List<Person> all) {
    all.forEach(p -> people.put(p.twinId(), p));
  }

  Of of(String twinId) {
    return byTwin.computeIfAbsent(twinId, k -> new Of());
  }

  private Moment local(String twinId, long millis) {
    Person p = people.get(twinId);
    return Moment.at(millis, Moment.offsetSeconds(p.zone(), millis));
  }

  @Override
  public void health(HealthEvent e) {
    Of s = of(e.getTwinId());
    Moment m = local(e.getTwinId(), e.getTs().toEpochMilli());
    if (!"sleep".equals(e.getActivity())) {
      s.awake++;
      s.social += "social".equals(e.getActivity()) ? 1 : 0;
    }
    if (e.getHeartRate() == null) {
      return;
    }
    double hr = e.getHeartRate();
    if (m.hour() >= 1 && m.hour() < 5) {
      s.nightHr += hr;
      s.night++;
    } else if (m.hour() >= 10 && m.hour() < 20) {
      s.dayHr += hr;
      s.day++;
    }
    if ("leisure".equals(e.getActivity())) {
      s.leisureHr += hr;
      s.leisure++;
    }
  }

  @Override
  public void behavior(BehaviorEvent b) {
    if ("transition".equals(b.getKind()) && "sleep".equals(b.getPreviousActivity())) {
      Moment m = local(b.getTwinId(), b.getTs().toEpochMilli());
      if (!m.weekend() && m.hour() >= 3 && m.hour() < 14) {
        of(b.getTwinId()).weekdayWakeHours.add(m.minuteOfDay() / 60);
      }
    }
  }

  @Override
  public void groundTruth(GroundTruthEpisode e) {}
}
