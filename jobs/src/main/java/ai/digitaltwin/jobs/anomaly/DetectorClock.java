package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.flink.streaming.api.TimerService;

/**
 * When a twin's episodes close, for the operators that run {@link TwinDetector} ({@link AnomalyDetector}
 * and the stream job's health steps): at most one event-time timer per twin, at the earliest episode
 * deadline, and none while nothing is tracked.
 *
 * <p><b>History runs on the twin's own clock.</b> The watermark is shared by every twin of a partition
 * and follows the live ones; an imported year of a person's readings arrives far behind it. An event-time
 * timer at a deadline the watermark has already passed would fire at the next watermark, whatever the
 * twin's own next reading says: an episode of that history would close while its readings are still
 * coming, and split in two. So a deadline behind the watermark gets no event-time timer: the twin's own
 * readings close what their time has expired (as every reading does), and once they have stopped coming
 * for {@code quiet} of processing time, a processing-time check closes the rest at the ends of their
 * merge gaps, as the final watermark of a batch run would. The same readings therefore give the same
 * episodes live, as history beside live twins, and in the backtest. The price: an import that pauses
 * longer than {@code quiet} in the middle of an episode ends that episode at the pause.
 *
 * <p>Whether a deadline lies behind the watermark is only known once the watermark is: at the start of
 * a job, or while a second input of the operator has not yet reported (or turned idle), the watermark is
 * still at its lowest, and a history's deadline then gets an event-time timer like a live one. When the
 * watermark later {@linkplain #LEAP leaps} far past such a timer, the timer has learned nothing about the
 * twin's own time: it hands the deadline to the history's rule above instead of closing the episode.
 * The end of a bounded input (the final watermark) still closes everything, as in the backtest.
 */
public final class DetectorClock implements Serializable {
  /** How long history may pause before its open episodes are closed. */
  public static final Duration HISTORY_QUIET = Duration.ofMinutes(2);
  /**
   * How far past a deadline the watermark must be when its timer fires for the deadline to count as
   * history: far beyond any step a live watermark takes, far short of the age of an import.
   */
  public static final Duration LEAP = Duration.ofHours(1);

  private final long quietMillis;

  public DetectorClock(Duration quiet) {
    this.quietMillis = quiet.toMillis();
  }

  /** One reading: runs the detectors on it and sets the timers its deadlines need. */
  public List<Anomaly> reading(String twin, DetectorState state, HealthEvent event, long ts,
      TimerService timers, LongPredicate sharedTimer) {
    state.lastArrival = timers.currentProcessingTime();
    List<Anomaly> out = TwinDetector.reading(twin, state, event, ts);
    schedule(state, timers, sharedTimer);
    return out;
  }

  /** An event-time timer fired: closes what it expires if it is the detector's, and sets the next. */
  public List<Anomaly> eventTimer(String twin, DetectorState state, long time, TimerService timers,
      LongPredicate sharedTimer) {
    if (state.timer != time) {
      return List.of();
    }
    state.timer = Long.MAX_VALUE;
    long watermark = timers.currentWatermark();
    if (watermark != Long.MAX_VALUE && watermark - time > LEAP.toMillis()) {
      schedule(state, timers, sharedTimer); // behind the watermark now: the history's rule decides
      return List.of();
    }
    List<Anomaly> out = TwinDetector.timer(twin, state, time);
    schedule(state, timers, sharedTimer);
    return out;
  }

  /**
   * A processing-time timer fired: if the history's readings have been quiet long enough, every deadline
   * the watermark has passed fires, in order; otherwise the check waits for the rest of the quiet time.
   */
  public List<Anomaly> processingTimer(String twin, DetectorState state, TimerService timers,
      LongPredicate sharedTimer) {
    state.quietCheck = Long.MAX_VALUE;
    List<Anomaly> out = new ArrayList<>(0);
    if (timers.currentProcessingTime() - state.lastArrival >= quietMillis) {
      long watermark = timers.currentWatermark();
      for (long t = Episodes.nextDeadline(state.tracks); t <= watermark; t = Episodes.nextDeadline(state.tracks)) {
        out.addAll(TwinDetector.timer(twin, state, t));
      }
    }
    schedule(state, timers, sharedTimer);
    return out;
  }

  /**
   * Keeps the event-time timer at the earliest deadline still ahead of the watermark, and a
   * processing-time check while one lies behind it. {@code sharedTimer} tells a timer that another step
   * of the same operator also uses, which must stay registered.
   */
  private void schedule(DetectorState state, TimerService timers, LongPredicate sharedTimer) {
    long deadline = Episodes.nextDeadline(state.tracks);
    boolean history = deadline != Long.MAX_VALUE && deadline <= timers.currentWatermark();
    long eventTimer = history ? Long.MAX_VALUE : deadline;
    if (eventTimer != state.timer) {
      if (state.timer != Long.MAX_VALUE && !sharedTimer.test(state.timer)) {
        timers.deleteEventTimeTimer(state.timer);
      }
      if (eventTimer != Long.MAX_VALUE) {
        timers.registerEventTimeTimer(eventTimer);
      }
      state.timer = eventTimer;
    }
    if (history && state.quietCheck == Long.MAX_VALUE) {
      state.quietCheck = state.lastArrival + quietMillis;
      timers.registerProcessingTimeTimer(state.quietCheck);
    }
  }
}
