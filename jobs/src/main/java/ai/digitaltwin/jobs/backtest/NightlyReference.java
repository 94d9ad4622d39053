package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.jobs.anomaly.NightlyRest;
import ai.digitaltwin.jobs.anomaly.Rest;
import ai.digitaltwin.jobs.anomaly.RestingNights;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference rule the detectors are scored beside on real recordings: a day alerts when its
 * night-time resting HR is above the mean + 2 SD of the nights of the previous 28 days (at least
 * {@link #NIGHTS} of them). Resting HR, the day and local time are {@link Rest}'s, summed by
 * the detector's own {@link NightlyRest}; unlike the detector, every night joins the baseline, a single
 * night alerts and the threshold grows with the spread of the person's nights. Feed one person's readings in event-time order, their naive local times read as UTC
 * (as into a twin without a zone, which is how the detector sees them).
 */
public final class NightlyReference {
  /** The reference rule's "mean + 2 SD". */
  static final double SDS = 2;
  /** The fewest nights it judges on, a week's. */
  static final int NIGHTS = 7;

  private final NightlyRest nightly = new NightlyRest();
  private final List<Long> days = new ArrayList<>();
  private final List<Double> rates = new ArrayList<>();
  private final List<RealScore.Span> alerts = new ArrayList<>();
  private final List<Rest.Night> nights = new ArrayList<>();

  /** One reading: {@code bpm} null without heart rate. */
  public void add(long ts, Double bpm, boolean steps) {
    Rest.Night night = nightly.add(ts, bpm, steps, Rest.UTC);
    if (night == null) {
      return;
    }
    nights.add(night);
    long day = night.day().toEpochDay();
    RestingNights.Baseline b = RestingNights.Baseline.of(days, rates, day, NIGHTS);
    if (b != null && night.restingHr() > b.mean() + SDS * b.sd()) {
      alerts.add(new RealScore.Span(night.closedAt(), night.closedAt()));
    }
    days.add(day);
    rates.add(night.restingHr());
  }

  /** One alert per raised night, at the moment the night closed. */
  public List<RealScore.Span> alerts() {
    return List.copyOf(alerts);
  }

  public List<Rest.Night> nights() {
    return List.copyOf(nights);
  }
}
