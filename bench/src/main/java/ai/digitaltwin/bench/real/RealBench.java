package ai.digitaltwin.bench.real;

import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.jobs.backtest.RealScore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./twin bench --only real}: the detectors on real, labelled recordings ({@link RealScoring}),
 * beside the nightly reference rule on the same readings and the published figures of the same kind of
 * method. The published figures are printed as text, never as a measured value.
 */
public final class RealBench {
  /** Where the vendored recordings are, relative to the project root that {@code ./twin} runs in. */
  public static final Path SAMPLES = Path.of("samples", "real-wearables");
  static final double FALSE_ALARM_DAYS_PER_MONTH = 2;
  static final String PUBLISHED =
      "published, other cohorts: Mishra et al. 2020 (medRxiv 10.1101/2020.07.06.20147512) detected at or before"
          + " symptom onset in 85 % offline, 67 % with the real-time method; Alavi et al. 2022 (Nat Med 28:175)"
          + " 80 % flagged, median 3 days before symptoms, 1.15 alert days per person for other causes";

  private RealBench() {}

  public static List<Figure> run(PrintStream log) throws Exception {
    long started = System.nanoTime();
    RealScoring.Result r = RealScoring.run(SAMPLES, List.of(), 2);
    double seconds = (System.nanoTime() - started) / 1e9;
    log.printf(Locale.ROOT, "  %,d readings of %d people with heart rate through the stream job's health operator"
        + " on a MiniCluster (BATCH, event-time order per twin) in %.0f s%n", r.readings(),
        r.detector().size() + r.unlabelled().size(), seconds);
    log.print(table(r));
    log.println("  " + PUBLISHED);

    RealScore.Summary d = r.detectorSummary();
    RealScore.Summary ref = r.referenceSummary();
    String people = String.format(Locale.ROOT, "%d labelled people with heart rate (%s)", d.people(),
        String.join(", ", r.detector().stream().map(RealScore.Person::person).toList()));
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of("real data: share flagged before symptom onset", Measure.of("detectors", "", d.flaggedShare()),
        Measure.of("nightly reference rule", "", ref.flaggedShare()),
        String.format(Locale.ROOT, "%d of %d flagged (reference %d of %d): a health alert starting in the 14 days"
            + " before onset; %s; %s", d.flagged(), d.people(), ref.flagged(), ref.people(), people, PUBLISHED),
        Goal.valueAtLeast(ref.flaggedShare()))); // at least the reference's, measured in this run
    figures.add(Figure.of("real data: median lead time before symptom onset",
        Measure.of("detectors", "days", nan(d.medianLeadDays())), Measure.of("nightly reference rule", "days", nan(ref.medianLeadDays())),
        "onset day minus the day the earliest alert in the 14 days before it started, over the flagged people"));
    figures.add(Figure.of("real data: false-alarm days per person-month",
        Measure.of("detectors", "days", d.perMonth()), Measure.of("nightly reference rule", "days", ref.perMonth()),
        String.format(Locale.ROOT, "%d alert days in %d recorded days outside the illness window (onset -21 d ... +28 d),"
            + " reference %d; per 30 days", d.alertDays(), d.days(), ref.alertDays()),
        Goal.valueAtMost(FALSE_ALARM_DAYS_PER_MONTH), Goal.valueAtMost(ref.perMonth())));
    if (!r.unlabelled().isEmpty()) {
      RealScore.Summary u = RealScore.summary(r.unlabelled());
      RealScore.Summary uRef = RealScore.summary(r.unlabelledReference());
      figures.add(Figure.of("real data, onset unknown: alert days per month (information)",
          Measure.of("detectors", "days", u.perMonth()), Measure.of("nightly reference rule", "days", uRef.perMonth()),
          String.format(Locale.ROOT, "%d alert days in %d recorded days of %d people whose symptom dates cannot be"
              + " placed: the illness is in there somewhere, so this is not a false-alarm rate", u.alertDays(), u.days(), u.people())));
    }
    return figures;
  }

  static String table(RealScoring.Result r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "  %-9s %-22s %-22s %-22s %s%n", "person", "detectors: flagged, lead",
        "alert days / days", "reference: flagged", "alert days / days"));
    for (int i = 0; i < r.detector().size(); i++) {
      out.append(row(r.detector().get(i), r.reference().get(i), true));
    }
    for (int i = 0; i < r.unlabelled().size(); i++) {
      out.append(row(r.unlabelled().get(i), r.unlabelledReference().get(i), false));
    }
    r.stepsOnly().forEach((p, n) -> out.append(String.format(Locale.ROOT,
        "  %-9s steps only: %d health episodes (every health layer needs a vital; not scored)%n", p, n)));
    r.episodes().forEach((p, types) -> out.append(String.format(Locale.ROOT, "  %-9s episodes by type: %s%n", p, types)));
    return out.toString();
  }

  private static String row(RealScore.Person d, RealScore.Person ref, boolean labelled) {
    return String.format(Locale.ROOT, "  %-9s %-22s %-22s %-22s %s%n", d.person(),
        labelled ? (d.flagged() ? "yes, " + d.leadDays() + " d" : "no") : "onset unknown",
        d.alertDays() + " / " + d.days(), labelled ? (ref.flagged() ? "yes, " + ref.leadDays() + " d" : "no") : "",
        ref.alertDays() + " / " + ref.days());
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }
}
