package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.schemas.Anomaly;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detectors' anomaly records turned into episodes to score: each closed episode, detected when its
 * opening record was emitted. Records may come in any order; an episode never closed is not counted (a
 * bounded input closes every episode at its end).
 */
public final class Detections {
  private final Map<String, Long> openedAt = new HashMap<>();
  private final List<Found> closed = new ArrayList<>();

  public void add(Anomaly anomaly) {
    add(Found.of(anomaly));
  }

  void add(Found f) {
    if (f.end() == null) {
      openedAt.put(f.episodeId(), f.ts());
    } else {
      closed.add(f);
    }
  }

  public List<Episode> episodes() {
    List<Episode> out = new ArrayList<>(closed.size());
    for (Found f : closed) {
      out.add(f.episode(openedAt.getOrDefault(f.episodeId(), f.ts())));
    }
    return out;
  }
}
