package ai.digitaltwin.bench.real;

import ai.digitaltwin.bench.real.StanfordSamples.Label;
import ai.digitaltwin.bench.real.StanfordSamples.Recording;
import ai.digitaltwin.jobs.backtest.Episode;
import ai.digitaltwin.jobs.backtest.NightlyReference;
import ai.digitaltwin.jobs.backtest.RealScore;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.AnomalyTypes;
import ai.digitaltwin.schemas.HealthEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real-data scoring: the labelled and unlabelled people of {@code labels.csv} with heart rate through
 * the detectors ({@link RealRun}), their health alerts (every layer but sensor faults) scored by
 * {@link RealScore}, beside the reference rule ({@link NightlyReference}) on the same readings. People
 * with steps only run too: no health layer judges steps alone, so they can only show that nothing fires.
 */
public final class RealScoring {
  private RealScoring() {}

  /**
   * @param labelled detector and reference per labelled person with heart rate
   * @param unlabelled detector and reference alert days per month of the people without a placeable onset
   * @param stepsOnly health episodes of the people without heart rate (per person)
   * @param episodes every detected episode per person, sensor faults included, by type
   */
  public record Result(List<RealScore.Person> detector, List<RealScore.Person> reference,
      List<RealScore.Person> unlabelled, List<RealScore.Person> unlabelledReference,
      Map<String, Integer> stepsOnly, Map<String, Map<String, Integer>> episodes, long readings) {
    public RealScore.Summary detectorSummary() {
      return RealScore.summary(detector);
    }

    public RealScore.Summary referenceSummary() {
      return RealScore.summary(reference);
    }
  }

  public static Result run(Path samples, List<String> only, int parallelism) throws Exception {
    List<Label> labels = StanfordSamples.labels(samples).stream()
        .filter(l -> only.isEmpty() || only.contains(l.person())).toList();
    Map<String, List<Episode>> detected = RealRun.detect(samples, labels.stream().map(Label::person).toList(), parallelism);
    List<RealScore.Person> detector = new ArrayList<>();
    List<RealScore.Person> reference = new ArrayList<>();
    List<RealScore.Person> unlabelled = new ArrayList<>();
    List<RealScore.Person> unlabelledReference = new ArrayList<>();
    Map<String, Integer> stepsOnly = new TreeMap<>();
    Map<String, Map<String, Integer>> episodes = new TreeMap<>();
    long readings = 0;
    for (Label label : labels) {
      String p = label.person();
      List<RealScore.Span> health = new ArrayList<>();
      Map<String, Integer> byType = new TreeMap<>();
      for (Episode e : detected.get(p)) {
        byType.merge(e.type(), 1, Integer::sum);
        if (!AnomalyTypes.sensorFault(AnomalyTypes.parse(e.type()))) {
          health.add(new RealScore.Span(e.start(), e.end()));
        }
      }
      episodes.put(p, byType);
      if (!label.heartRate()) {
        stepsOnly.put(p, health.size());
        continue;
      }
      Recording recording = StanfordSamples.read(samples, p);
      readings += recording.readings().size();
      NightlyReference rule = new NightlyReference();
      for (HealthEvent e : recording.readings()) {
        rule.add(e.getTs().toEpochMilli(), e.getHeartRate(), e.getSteps() > 0);
      }
      if (label.onset() != null) {
        detector.add(RealScore.labelled(p, label.onset(), health, recording.days()));
        reference.add(RealScore.labelled(p, label.onset(), rule.alerts(), recording.days()));
      } else {
        unlabelled.add(RealScore.unlabelled(p, health, recording.days()));
        unlabelledReference.add(RealScore.unlabelled(p, rule.alerts(), recording.days()));
      }
    }
    return new Result(detector, reference, unlabelled, unlabelledReference, stepsOnly, episodes, readings);
  }
}
