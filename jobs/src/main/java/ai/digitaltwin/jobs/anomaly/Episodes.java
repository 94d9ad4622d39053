package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.AnomalyTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges consecutive alerts into episodes. Each episode yields two anomaly records: one when it opens
 * ({@code end_ts} null: the live view shows it at once) and one when it closes. Works on event time
 * only, so the same readings give the same episodes in a stream and in a batch rerun.
 */
public final class Episodes {
  public static final String DETECTOR_VERSION = "detectors-4";

  private Episodes() {}

  /**
   * Folds one alert into the tracks; returns the records it opens or closes. {@code closedUntil} holds,
   * per type, the end of the last episode closed: an episode once closed is never reopened, so a late
   * alert inside it is dropped, and a new episode starts after it even when the alert's evidence reaches
   * back into it (a flat line that resumes after a pause), so that no two episodes share an id.
   */
  public static List<Anomaly> alert(
      String twin, Map<String, Track> tracks, Map<String, Long> closedUntil, Alert alert) {
    List<Anomaly> out = new ArrayList<>(1);
    AnomalyType type = alert.type();
    Track track = tracks.get(AnomalyTypes.wire(type));
    if (track != null && track.expiredAt(type, alert.ts())) {
      if (track.open) {
        out.add(close(twin, type, track, closedUntil));
      }
      track = null;
    }
    long closedEnd = closedUntil.getOrDefault(AnomalyTypes.wire(type), Long.MIN_VALUE);
    if (track == null) {
      if (alert.ts() <= closedEnd) {
        return out; // already reported as part of an episode that is closed
      }
      track = Track.start(alert, closedEnd);
      tracks.put(AnomalyTypes.wire(type), track);
    } else {
      track.add(alert, closedEnd);
    }
    if (!track.open && (track.alerts >= EpisodeRule.of(type).minAlerts() || alert.decisive())) {
      track.open = true;
      track.openedAt = alert.ts();
      out.add(open(twin, type, track));
    }
    return out;
  }

  /** Closes open episodes and forgets pending alerts that had no follow-up by {@code time}. */
  public static List<Anomaly> expire(
      String twin, Map<String, Track> tracks, Map<String, Long> closedUntil, long time) {
    List<Anomaly> out = new ArrayList<>(0);
    if (tracks.isEmpty()) {
      return out; // most readings: an iterator would walk the empty table of a map that once held a track
    }
    Iterator<Map.Entry<String, Track>> it = tracks.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Track> entry = it.next();
      AnomalyType type = AnomalyTypes.parse(entry.getKey());
      Track track = entry.getValue();
      if (track.expiredAt(type, time)) {
        if (track.open) {
          out.add(close(twin, type, track, closedUntil));
        }
        it.remove();
      }
    }
    return out;
  }

  /** When the earliest track expires, or {@link Long#MAX_VALUE} when there is none. */
  public static long nextDeadline(Map<String, Track> tracks) {
    if (tracks.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long next = Long.MAX_VALUE;
    for (Map.Entry<String, Track> entry : tracks.entrySet()) {
      next = Math.min(next, entry.getValue().last + EpisodeRule.of(AnomalyTypes.parse(entry.getKey())).mergeGapMillis());
    }
    return next;
  }

  public static boolean isOpen(Map<String, Track> tracks, AnomalyType type) {
    Track t = tracks.get(AnomalyTypes.wire(type));
    return t != null && t.open;
  }

  static Anomaly open(String twin, AnomalyType type, Track track) {
    return record(twin, type, track, track.openedAt, null, "open");
  }

  /** Closed at the end of its merge gap: the moment the detector could know it was over. */
  static Anomaly close(String twin, AnomalyType type, Track track, Map<String, Long> closedUntil) {
    closedUntil.put(AnomalyTypes.wire(type), track.last);
    return record(twin, type, track, track.last + EpisodeRule.of(type).mergeGapMillis(), track.last, "close");
  }

  private static Anomaly record(String twin, AnomalyType type, Track track, long ts, Long end, String phase) {
    return Anomaly.newBuilder()
        .setEventId(twin + "/" + AnomalyTypes.wire(type) + "/" + track.first + "/" + phase)
        .setTwinId(twin)
        .setTs(Instant.ofEpochMilli(ts))
        .setType(AnomalyTypes.wire(type))
        .setLayer(EpisodeRule.of(type).layer().wire())
        .setSeverity(track.severity)
        .setScore(track.peak)
        .setStartTs(Instant.ofEpochMilli(track.first))
        .setEndTs(end == null ? null : Instant.ofEpochMilli(end))
        .setEvidence(track.evidence)
        .setDetectorVersion(DETECTOR_VERSION)
        .build();
  }
}
