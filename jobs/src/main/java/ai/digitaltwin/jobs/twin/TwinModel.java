package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.schemas.StatusRules;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the stream job knows about one twin: latest vitals, learned health baseline, behaviour patterns,
 * mood and drifting personality. One keyed value (a Flink POJO), so each event costs one state access.
 */
public class TwinModel {
  static final double CHAT_ALPHA = 0.2;

  public long readings;
  /** Event time of the newest input folded in: the moment a snapshot describes. */
  public long lastTs = Long.MIN_VALUE;
  public long latestReadingTs = Long.MIN_VALUE;
  public Double heartRate;
  public Double spo2;
  public Double systolicBp;
  public Double bodyTempC;
  public Double stress;
  public Double energy;
  public String activity;
  public String zone = "UTC";
  public long day = Long.MIN_VALUE;
  public long readingsToday;
  public HealthBaseline baseline = new HealthBaseline();
  public BehaviorPatterns patterns = new BehaviorPatterns();
  public Traits traits = new Traits();
  public Ewma chatSentiment = new Ewma();
  public long version;
  public long emittedVersion;
  public String emittedStatus;
  public String emittedMood;
  public boolean driftPending;
  /**
   * The status last sent to the live view ahead of the fold (see TwinStateFunction's preview), and the
   * reading time it was sent for; the folded status counts again once the fold has passed that time.
   */
  public String liveStatus;
  public long liveTs = Long.MIN_VALUE;
  /** Processing time of the last preview, which paces previews that change no status. */
  public long liveAt;
  private transient ZoneId zoneId;
  private transient LocalClock clock;

  public TwinModel() {}

  public void fold(TwinInput in) {
    if (in.registry() != null) {
      String before = zone;
      addRegistry(in.registry());
      if (!zone.equals(before) && day != Long.MIN_VALUE) {
        day = localDay(in.ts()); // the day so far counts in the person's own zone from now on
      }
    }
    if (in.health() != null) {
      rollDay(in.ts());
      addHealth(in.health(), in.ts());
    } else if (in.behavior() != null) {
      addBehavior(in.behavior(), in.ts());
    } else if (in.chat() != null) {
      addChat(in.chat());
    }
    lastTs = Math.max(lastTs, in.ts());
    version++;
  }

  /** Latest values follow event time, so a late reading never overwrites newer ones. */
  void addHealth(Reading e, long ts) {
    readings++;
    readingsToday++;
    if (ts >= latestReadingTs) {
      latestReadingTs = ts;
      heartRate = e.heartRate();
      spo2 = e.spo2();
      systolicBp = e.systolicBp();
      bodyTempC = e.bodyTempC();
      stress = e.stress() == null ? stress : e.stress();
      energy = e.energy() == null ? energy : e.energy();
      activity = e.activity() == null ? activity : e.activity();
    }
    baseline.add(e);
    patterns.addReading(e.activity(), e.steps(), ts, clock(ts));
  }

  void addBehavior(BehaviorChange b, long ts) {
    if ("transition".equals(b.kind())) {
      patterns.transition(b.activity(), b.previousActivity(), ts, zoneId());
    }
    if (ts >= latestReadingTs) {
      activity = b.activity();
      stress = b.stress();
      energy = b.energy();
    }
  }

  void addChat(ChatSentiment m) {
    if (!"user".equals(m.role()) || m.score() == null) {
      return; // the twin's own replies say nothing about the person
    }
    chatSentiment.add(m.score(), CHAT_ALPHA);
    driftPending |= traits.chat(m.score());
  }

  void addRegistry(TwinRegistryEvent r) {
    if (r.getProfile() != null) {
      try {
        zone = ZoneId.of(r.getProfile().getTimezone()).getId();
      } catch (DateTimeException e) {
        zone = "UTC";
      }
    }
    if (r.getPersonality() != null) {
      traits.set(r.getPersonality(), "registry " + r.getAction() + (r.getReason() == null ? "" : ": " + r.getReason()));
      driftPending = true;
    }
  }

  /**
   * Closes the previous local day (in the twin's zone, which a registry event sets before its own time
   * is placed in a day) when the first reading of a later day is folded. Only a reading closes a day:
   * the day's figures (social minutes, steps, resting heart rate) are counted from readings, and a
   * twin's readings come in order from one partition. Inputs of the other topics are usually folded in
   * event-time order with them ({@link TwinStateFunction}), but not always: one that arrives behind the
   * watermark is folded at once, and when the readings' source has been idle the watermark follows the
   * other topics alone. Were behaviour of the next day folded that way to close the day, it would close
   * before most of its readings were in, and they would count for the next day.
   */
  private void rollDay(long ts) {
    long today = localDay(ts);
    if (day == Long.MIN_VALUE) {
      day = today;
    } else if (today > day) {
      if (readingsToday > 0) {
        driftPending |= traits.endOfDay(patterns.socialMinutesToday, LocalDate.ofEpochDay(day).toString());
      }
      patterns.newDay();
      baseline.newDay();
      readingsToday = 0;
      day = today;
    }
  }

  private long localDay(long ts) {
    return clock(ts).epochDay();
  }

  private LocalClock clock(long ts) {
    if (clock == null) {
      clock = new LocalClock();
    }
    return clock.at(ts, zoneId());
  }

  ZoneId zoneId() {
    if (zoneId == null || !zoneId.getId().equals(zone)) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  /** The status rules ({@link StatusRules}, shared with the API), on the latest values. */
  public String status() {
    return status(heartRate, stress, energy);
  }

  static String status(Double heartRate, Double stress, Double energy) {
    return StatusRules.status(heartRate, stress, energy);
  }

  public Mood mood() {
    return Mood.of(stress, energy, patterns.lastSleepHours, chatSentiment.isEmpty() ? null : chatSentiment.mean);
  }

  /** The status the live view shows: the last preview's until the fold has passed it, then the folded one. */
  public String liveStatus() {
    return liveTs > latestReadingTs ? liveStatus : status();
  }

  public boolean changedSinceEmit() {
    return version != emittedVersion;
  }

  /** A change worth a snapshot now rather than at the next cadence tick. */
  public boolean significantChange() {
    if (!changedSinceEmit() || emittedStatus == null) {
      return false;
    }
    return driftPending || !emittedStatus.equals(status()) || !emittedMood.equals(mood().label());
  }

  public TwinState snapshot(String twinId) {
    Mood mood = mood();
    emittedVersion = version;
    emittedStatus = status();
    emittedMood = mood.label();
    driftPending = false;
    return TwinSnapshots.of(twinId, this, mood);
  }
}
