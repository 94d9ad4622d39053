package ai.digitaltwin.bench.detection;

import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.jobs.anomaly.DetectorState;
import ai.digitaltwin.jobs.anomaly.TwinDetector;
import ai.digitaltwin.jobs.backtest.Detections;
import ai.digitaltwin.jobs.backtest.Episode;
import ai.digitaltwin.jobs.backtest.FixedRules;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a simulation's events go instead of Kafka: each reading straight into its twin's detectors (the
 * stream job's own steps, {@link TwinDetector}) and into the original fixed rules; each injected episode
 * into the ground truth, which neither reads. One feed per thread; not thread-safe.
 */
final class TwinsFeed implements Emitter {
  /** One twin's detector and fixed-rule state, and its last reading's time. */
  private static final class Twin {
    final DetectorState detector = new DetectorState();
    final FixedRules.Open rules = new FixedRules.Open();
    long lastTs = Long.MIN_VALUE;
  }

  private final Map<String, Twin> twins = new HashMap<>();
  final Detections detections = new Detections();
  final List<Episode> fixedRules = new ArrayList<>();
  final List<Episode> truth = new ArrayList<>();
  long readings;

  @Override
  public void health(HealthEvent event) {
    String id = event.getTwinId();
    long ts = event.getTs().toEpochMilli();
    Twin twin = twins.computeIfAbsent(id, k -> new Twin());
    if (ts <= twin.lastTs) {
      // the stream job's de-duplication and the backtest's sorted input both rule this out
      throw new IllegalStateException("reading of " + id + " at " + event.getTs() + " is not after the last one");
    }
    twin.lastTs = ts;
    readings++;
    for (var anomaly : TwinDetector.reading(id, twin.detector, event, ts)) {
      detections.add(anomaly);
    }
    FixedRules.reading(twin.rules, id, event, ts, fixedRules::add);
  }

  @Override
  public void behavior(BehaviorEvent event) {}

  @Override
  public void groundTruth(GroundTruthEpisode e) {
    long start = e.getStartTs().toEpochMilli();
    truth.add(new Episode(e.getTwinId(), e.getType(), start, e.getEndTs().toEpochMilli(), start));
  }

  /** The end of the data: what is still open closes as the operators' timers would close it. */
  void endOfInput() {
    twins.forEach((id, twin) -> {
      TwinDetector.endOfInput(id, twin.detector).forEach(detections::add);
      FixedRules.endOfInput(twin.rules, id, fixedRules::add);
    });
  }
}
