package ai.digitaltwin.jobs.anomaly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's recent nights' resting HR ({@link Rest}) and the decision whether the night just closed is
 * raised: the personal-baseline layer for wearables that do not say what the person is doing.
 *
 * <p>The baseline is the nights of the previous {@link #DAYS} days, at least {@link #NIGHTS} of them, as in
 * the nightly methods of Mishra et al. 2020 and Alavi et al. 2022. Two choices differ from a plain
 * "mean + 2 SD", both from physiology and the devices, not from any recording. The baseline is robust:
 * the median, and the median absolute deviation scaled to a standard deviation (1.4826 MAD), since a
 * wearable's nights include a few that are far off (a loose band reads motion as heart rate, a fever
 * night raises it by 20 bpm); one such night inflates a standard deviation for four weeks and hides the
 * next illness, and a median also does not learn the first raised nights of an infection as normal. And a
 * rise must be at least {@link #RISE_FLOOR_BPM}: a person's nightly resting HR varies by about that from
 * night to night (Quer et al. 2020, JAMA Netw Open 3:e1921151), so a person with unusually steady nights
 * does not alarm on a 1-bpm rise after a late meal or a drink. A raised night alone is only a sign: the
 * alert comes with the {@link #CONFIRM}th raised night in a row, NightSignal's red alert (Alavi et al.
 * 2022), since one night is raised by a drink, a late workout or a bad night's sleep, an infection for
 * days.
 *
 * <p>A Flink POJO in the detector's keyed state; nights older than the window are dropped.
 */
public class RestingNights {
  public static final int DAYS = 28;
  public static final int NIGHTS = 7;
  public static final double SDS = 2;
  public static final double RISE_FLOOR_BPM = 3;
  public static final int CONFIRM = 2;

  public List<Long> days = new ArrayList<>();
  public List<Double> rates = new ArrayList<>();
  /** Raised nights in a row, ending on {@link #raisedDay}. */
  public int raised;
  public long raisedDay = Long.MIN_VALUE;

  public RestingNights() {}

  /** The robust baseline of {@code day} from the nights before it, or null with too few of them. */
  public Baseline baseline(LocalDate day) {
    return Baseline.robust(days, rates, day.toEpochDay());
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
    if (b == null || night.restingHr() <= b.mean() + Math.max(SDS * b.sd(), RISE_FLOOR_BPM)) {
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
   * A centre and spread of the nights in the {@link #DAYS} days before a day: mean and sample standard
   * deviation ({@link #of}) or median and 1.4826 MAD ({@link #robust}).
   */
  public record Baseline(double mean, double sd, int nights) {
    public static Baseline robust(List<Long> days, List<Double> rates, long day) {
      List<Double> window = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        if (days.get(i) < day && days.get(i) >= day - DAYS) {
          window.add(rates.get(i));
        }
      }
      if (window.size() < NIGHTS) {
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

    public static Baseline of(List<Long> days, List<Double> rates, long day) {
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
      if (n < NIGHTS) {
        return null;
      }
      double mean = sum / n;
      return new Baseline(mean, Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1))), n);
    }
  }
}
