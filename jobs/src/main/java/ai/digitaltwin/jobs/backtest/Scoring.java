package ai.digitaltwin.jobs.backtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scores detected episodes against injected ones, per type: a detection is correct when it overlaps an
 * injected episode of the same twin and type (with {@link #SLACK} either side, since an episode's edges
 * are blurred by the detector's merge gap); an injected episode is found when some correct detection
 * overlaps it. The delay is the first overlapping detection's time minus the true start, at least 0.
 */
public final class Scoring {
  public static final long SLACK = Duration.ofMinutes(10).toMillis();

  private Scoring() {}

  public static List<TypeScore> score(List<Episode> detected, List<Episode> truth) {
    TreeSet<String> types = new TreeSet<>();
    detected.forEach(e -> types.add(e.type()));
    truth.forEach(e -> types.add(e.type()));
    Map<String, List<Episode>> detectedByType = detected.stream().collect(Collectors.groupingBy(Episode::type));
    Map<String, List<Episode>> truthByType = truth.stream().collect(Collectors.groupingBy(Episode::type));
    List<TypeScore> scores = new ArrayList<>();
    List<Double> allDelays = new ArrayList<>();
    int truths = 0;
    int detections = 0;
    int found = 0;
    int correct = 0;
    for (String type : types) {
      List<Episode> d = detectedByType.getOrDefault(type, List.of());
      List<Episode> t = truthByType.getOrDefault(type, List.of());
      List<Double> delays = new ArrayList<>();
      int typeFound = 0;
      for (Episode injected : t) {
        Episode first = null;
        for (Episode e : d) {
          if (e.overlaps(injected, SLACK) && (first == null || e.detectedAt() < first.detectedAt())) {
            first = e;
          }
        }
        if (first != null) {
          typeFound++;
          // a detection already open when the episode began alarmed at once: 0, not a negative delay
          delays.add(Math.max(0, first.detectedAt() - injected.start()) / 60_000.0);
        }
      }
      int typeCorrect = (int) d.stream().filter(e -> t.stream().anyMatch(x -> e.overlaps(x, SLACK))).count();
      scores.add(new TypeScore(type, t.size(), d.size(), typeFound, typeCorrect, quantile(delays, 0.5), quantile(delays, 0.9)));
      allDelays.addAll(delays);
      truths += t.size();
      detections += d.size();
      found += typeFound;
      correct += typeCorrect;
    }
    scores.add(new TypeScore("all", truths, detections, found, correct, quantile(allDelays, 0.5), quantile(allDelays, 0.9)));
    return scores;
  }

  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
