package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What the detectors remember about one twin: personal baselines by activity (a heart rate of 130 is
 * normal on a run and alarming at a desk), the resting-HR windows, the previous reading for sensor checks,
 * and the episodes in progress. A Flink POJO in keyed state.
 */
public class DetectorState {
  public Map<String, Ewma> heartRate = new HashMap<>();
  public Map<String, Ewma> systolic = new HashMap<>();
  public Ewma temp = new Ewma();
  /** The night in progress: summed rise of its resting readings over the sleeping baseline, and how many (see {@link RestingHr}). */
  public double restSum;
  public int restCount;
  /** The first resting reading of the night in progress. */
  public long restFrom;
  /** The sleeping baseline the night is compared with. */
  public double restBaseline;
  /** The rises of the person's ordinary nights: their own night-to-night spread. */
  public Ewma restNights = new Ewma();
  /** Raised nights in a row, and when the first of them began. */
  public int restRaised;
  public long restRaisedFrom;
  /** A wearable's nights: the one being summed and the recent ones (see {@link RestingNights}). */
  public NightlyRest nightly = new NightlyRest();
  public RestingNights nights = new RestingNights();
  /** The days' resting HR as the device reported it ({@code resting_hr}), judged by the same rule. */
  public RestingNights reported = new RestingNights();
  /** The last reading with effort (steps or an active activity). */
  public long lastEffortTs = Long.MIN_VALUE;
  public long lastTs = Long.MIN_VALUE;
  public Double lastHeartRate;
  public Double lastSpo2;
  public Double lastSystolic;
  public Double lastTemp;
  public Double lastDiastolic;
  public Double lastResp;
  public Double lastHrv;
  /** The heart-rate recovery envelope's anchor (see {@link Recovery}); NaN before the first reading. */
  public double recoveryHr = Double.NaN;
  public long recoveryTs = Long.MIN_VALUE;
  public int flatRun;
  public long flatSince;
  public Map<String, Track> tracks = new HashMap<>();
  /** Per type, the end of the last episode closed (at most one entry per type): no episode reopens. */
  public Map<String, Long> closedUntil = new HashMap<>();
  /** The one event-time timer registered for this twin, or {@link Long#MAX_VALUE} for none. */
  public long timer = Long.MAX_VALUE;
  /**
   * The processing-time check that closes the episodes of history when its readings stop coming (see
   * {@link AnomalyDetector}), or {@link Long#MAX_VALUE} for none.
   */
  public long quietCheck = Long.MAX_VALUE;
  /** The processing time the last reading arrived at. */
  public long lastArrival = Long.MIN_VALUE;
  /**
   * The twin's IANA zone, where its days and nights lie ({@link Rest}): its profile's, from the registry
   * changes the stream job's health step reads beside the readings; UTC until one comes.
   */
  public String zone = Rest.UTC.getId();
  private transient ZoneId zoneId;

  public DetectorState() {}

  /** Remembers an in-order reading for the flat-line check. */
  void remember(HealthEvent v, long ts) {
    lastTs = ts;
    lastHeartRate = v.getHeartRate();
    lastSpo2 = v.getSpo2();
    lastSystolic = v.getSystolicBp();
    lastTemp = v.getBodyTempC();
    lastDiastolic = v.getDiastolicBp();
    lastResp = v.getRespRate();
    lastHrv = v.getHrvMs();
  }

  /** Sets the twin's zone; one Java does not know counts as UTC, as in the twin state. */
  public void zone(String zone) {
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      zoneId = Rest.UTC;
    }
    this.zone = zoneId.getId();
  }

  ZoneId zoneId() {
    if (zoneId == null || !zoneId.getId().equals(zone)) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  Ewma heartRate(String context) {
    return heartRate.computeIfAbsent(context, c -> new Ewma());
  }

  Ewma systolic(String context) {
    return systolic.computeIfAbsent(context, c -> new Ewma());
  }
}
