package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.AnomalyType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's recent nights' resting HR ({@link Rest}) and the decision whether the night just closed is
 * raised: the personal-baseline layer for wearables that do not say what the person is doing.
 *
 * <p>The rule is NightSignal's red alert as published (Alavi et al. 2022, Nat Med 28:175, Extended Data
 * Fig. 3): the baseline is the median of the person's nights in the previous {@link #DAYS} days (at least
 * {@link #NIGHTS} of them), a night is raised when it lies at least {@link #RISE_BPM} above it, and the alert
 * comes with the {@link #CONFIRM}th raised night in a row, since one night is raised by a drink, a late
 * workout or a bad night's sleep, an infection for days. The median does not learn the first raised nights
 * of an infection as normal, and one far-off night (a loose band reading motion as heart rate, a fever
 * night 20 bpm up) does not move it. The threshold is a fixed rise, not a multiple of the person's
 * night-to-night spread: an infection raises resting HR by a few bpm whoever the person is (3–10 bpm in
 * Mishra et al. 2020 and Quer et al. 2021), so a threshold that grows with a restless sleeper's spread
 * (2 SD is 10 bpm or more for some) stops seeing infections in exactly the people whose nights vary most,
 * while requiring two nights in a row keeps their ordinary ups and downs from alarming. The robust spread
 * (1.4826 MAD) is reported beside each alert as evidence.
 *
 * <p>A Flink POJO in the detector's keyed state; nights older than the window are dropped.
 */
public class RestingNights {
  public static final int DAYS = 28;
  /**
   * Two weeks of nights before a baseline is trusted: the median of seven nights of a restless sleeper
   * (night-to-night SD 6 bpm) is uncertain by about 3 bpm, close to the rise that alerts; of fourteen, by 2.
   */
  public static final int NIGHTS = 14;
  public static final double RISE_BPM = 4;
  public static final int CONFIRM = 2;

  public List<Long> days = new ArrayList<>();
  public List<Double> rates = new ArrayList<>();
  /** Raised nights in a row, ending on {@link #raisedDay}. */
  public int raised;
  public long raisedDay = Long.MIN_VALUE;

  public RestingNights() {}

  /** The robust baseline of {@code day} from the nights before it, or null with too few of them. */
  public Baseline baseline(LocalDate day) {
    return Baseline.robust(days, rates, day.toEpochDay(), NIGHTS);
  }

  /** Folds a closed night in; returns the alert when it is raised above the person's baseline. */
  Alert night(Rest.Night night, Evidence evidence) {
    long day = night.day().toEpochDay();
    while (!days.isEmpty() && days.get(0) < day - DAYS) {
      days.remove(0);
      rates.remove(0);
    }
    Baseline b = baseline(night.day());
    days.add(day);
    rates.add(night.restingHr());
    if (b == null || night.restingHr() < b.mean() + RISE_BPM) {
      raised = 0;
      return null;
    }
    raised = raisedDay == day - 1 ? raised + 1 : 1;
    raisedDay = day;
    if (raised >= CONFIRM) {
      double rise = night.restingHr() - b.mean();
      String json = evidence
          .put("night", night.day().toString())
          .put("night_resting_hr", night.restingHr())
          .put("resting_minutes", night.minutes())
          .put("baseline_mean", b.mean())
          .put("baseline_sd", b.sd())
          .put("baseline_nights", b.nights())
          .put("raised_nights", raised)
          .toString();
      return Alert.of(AnomalyType.RESTING_HR_ELEVATION, night.closedAt(), rise, rise >= 10 ? "high" : "medium", json);
    }
    return null;
  }

  /**
   * A centre and spread of the nights in the {@link #DAYS} days before a day, at least {@code fewest} of
   * them: mean and sample standard deviation ({@link #of}) or median and 1.4826 MAD ({@link #robust}).
   */
  public record Baseline(double mean, double sd, int nights) {
    public static Baseline robust(List<Long> days, List<Double> rates, long day, int fewest) {
      List<Double> window = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        if (days.get(i) < day && days.get(i) >= day - DAYS) {
          window.add(rates.get(i));
        }
      }
      if (window.size() < fewest) {
        return null;
      }
      double median = median(window);
      List<Double> deviations = new ArrayList<>(window.size());
      window.forEach(r -> deviations.add(Math.abs(r - median)));
      return new Baseline(median, 1.4826 * median(deviations), window.size());
    }

    static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static Baseline of(List<Long> days, List<Double> rates, long day, int fewest) {
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (int i = 0; i < days.size(); i++) {
        long d = days.get(i);
        if (d < day && d >= day - DAYS) {
          double r = rates.get(i);
          sum += r;
          squares += r * r;
          n++;
        }
      }
      if (n < fewest) {
        return null;
      }
      double mean = sum / n;
      return new Baseline(mean, Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1))), n);
    }
  }
}
