package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.jobs.anomaly.Rest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a person's health alerts against their symptom onset, days as {@link Rest} defines them:
 * flagged when an alert starts in the {@link #BEFORE} days before the onset day, the lead time in days
 * from the earliest such start to the onset day, and the false-alarm days: recorded days outside the
 * illness window (onset −{@link #WINDOW_BEFORE} … +{@link #WINDOW_AFTER} days) that an alert covers.
 * Without an onset every alert day is counted, for information ({@link #unlabelled}).
 */
public final class RealScore {
  public static final int BEFORE = 14;
  public static final int WINDOW_BEFORE = 21;
  public static final int WINDOW_AFTER = 28;
  public static final double MONTH_DAYS = 30;

  private RealScore() {}

  /** An alert from its start to its end (epoch ms), whatever its layer. */
  public record Span(long start, long end) {}

  /**
   * @param flagged an alert started in the 14 days before onset
   * @param leadDays onset day minus the earliest such start's day, or null when not flagged
   * @param alertDays days recorded outside the illness window that an alert covers (all days without an onset)
   * @param days days recorded outside the illness window (all days without an onset)
   */
  public record Person(String person, boolean flagged, Integer leadDays, int alertDays, int days) {
    public double perMonth() {
      return days == 0 ? Double.NaN : alertDays * MONTH_DAYS / days;
    }
  }

  /** People pooled: the flagged share, the median lead time and the false-alarm days per person-month. */
  public record Summary(int people, int flagged, Double medianLeadDays, int alertDays, int days) {
    public double flaggedShare() {
      return people == 0 ? Double.NaN : (double) flagged / people;
    }

    public double perMonth() {
      return days == 0 ? Double.NaN : alertDays * MONTH_DAYS / days;
    }
  }

  public static Person labelled(String person, LocalDate onset, Collection<Span> alerts, Set<LocalDate> recorded) {
    LocalDate from = onset.minusDays(BEFORE);
    LocalDate earliest = null;
    for (Span s : alerts) {
      LocalDate start = day(s.start());
      if (!start.isBefore(from) && start.isBefore(onset) && (earliest == null || start.isBefore(earliest))) {
        earliest = start;
      }
    }
    LocalDate windowFrom = onset.minusDays(WINDOW_BEFORE);
    LocalDate windowTo = onset.plusDays(WINDOW_AFTER);
    Set<LocalDate> outside = new TreeSet<>();
    for (LocalDate d : recorded) {
      if (d.isBefore(windowFrom) || d.isAfter(windowTo)) {
        outside.add(d);
      }
    }
    Integer lead = earliest == null ? null : (int) (onset.toEpochDay() - earliest.toEpochDay());
    return new Person(person, earliest != null, lead, covered(alerts, outside), outside.size());
  }

  public static Person unlabelled(String person, Collection<Span> alerts, Set<LocalDate> recorded) {
    return new Person(person, false, null, covered(alerts, recorded), recorded.size());
  }

  public static Summary summary(List<Person> people) {
    List<Double> leads = new ArrayList<>();
    int flagged = 0;
    int alertDays = 0;
    int days = 0;
    for (Person p : people) {
      if (p.flagged()) {
        flagged++;
        leads.add((double) p.leadDays());
      }
      alertDays += p.alertDays();
      days += p.days();
    }
    return new Summary(people.size(), flagged, leads.isEmpty() ? null : median(leads), alertDays, days);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** How many of {@code days} some alert covers, from its start's day to its end's day. */
  private static int covered(Collection<Span> alerts, Set<LocalDate> days) {
    Set<LocalDate> hit = new TreeSet<>();
    for (Span s : alerts) {
      for (LocalDate d = day(s.start()); !d.isAfter(day(s.end())); d = d.plusDays(1)) {
        if (days.contains(d)) {
          hit.add(d);
        }
      }
    }
    return hit.size();
  }

  /** The recording's local day: its naive local times are read as UTC, as into a twin without a zone. */
  public static LocalDate day(long ts) {
    return Rest.day(Rest.minute(ts), Rest.UTC);
  }
}
