package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.schemas.Tables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A real in-memory DuckDB with the twin tables and 15 days of computed history for {@link #TWIN} (plus a
 * decoy twin with very different numbers and a twin with no data). The generated rows are kept so that
 * tests compute the expected figures themselves, independently of the chat's SQL.
 */
final class TwinFixture {
  static final Instant T0 = Instant.parse("2026-05-20T14:00:00Z");
  static final String TWIN = "twin-ada";
  static final String DECOY = "twin-decoy";
  static final String EMPTY = "twin-empty";
  /** A twin whose data begins at 15:00 yesterday, with one state written a minute ago. */
  static final String NEWBIE = "twin-new";
  static final Instant NEWBIE_START = Instant.parse("2026-05-19T15:00:00Z");
  /** The usual activity per hour (0-23) of {@link #TWIN}, as the state's routine holds it. */
  static final List<String> WEEKDAY = hours("sleep*6 routine*2 commute work*8 exercise leisure*4 sleep*2");
  static final List<String> WEEKEND = hours("sleep*8 routine leisure exercise*2 social*4 leisure*7 sleep");
  static final Instant HISTORY_START = T0.minus(Duration.ofDays(15)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
  static final Duration READING_EVERY = Duration.ofMinutes(10);

  record Reading(Instant ts, Double heartRate, double systolic, double diastolic, Double spo2, double temp,
      double resp, double hrv, int steps, double stress, double energy, String activity) {}

  record Behaviour(Instant ts, String kind, String activity, String previous) {}

  record State(Instant ts, String mood, double moodScore, double stress, double energy, double neuroticism, String drift) {}

  /**
   * One episode as the detector writes it: a row when it opens (no end) and, once it closed, a second
   * row with the same type and start.
   *
   * @param end null while the episode is still open
   */
  record Anomaly(Instant start, Instant end, String type, String severity, double score) {}

  record Sleep(Instant start, Instant end) {}

  final List<Reading> readings = new ArrayList<>();
  final List<Behaviour> behaviours = new ArrayList<>();
  final List<State> states = new ArrayList<>();
  final List<Anomaly> anomalies = new ArrayList<>();
  final List<Sleep> sleeps = new ArrayList<>();
  final List<Reading> newbieReadings = new ArrayList<>();
  final Connection connection;

  private TwinFixture(Connection connection) {
    this.connection = connection;
  }

  static TwinFixture create() {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      TwinTables.create(connection);
      TwinFixture fixture = new TwinFixture(connection);
      fixture.generate();
      fixture.insert();
      return fixture;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  SqlRunner runner() {
    return new JdbcSqlRunner(connection);
  }

  private void generate() {
    Schedule schedule = new Schedule(HISTORY_START, T0);
    sleeps.addAll(schedule.sleeps());
    behaviours.addAll(schedule.events());
    Instant monday = Instant.parse("2026-05-18T00:00:00Z");
    int i = 0;
    for (Instant ts = HISTORY_START; ts.isBefore(T0); ts = ts.plus(READING_EVERY), i++) {
      String activity = schedule.activityAt(ts);
      double hr = 60 + (i * 7 % 31) + (ts.isBefore(monday) ? 0 : 4) + (activity.equals("exercise") ? 25 : 0);
      readings.add(new Reading(ts,
          i % 13 == 0 ? null : hr,
          110 + (i * 3 % 25), 70 + (i % 15),
          i % 17 == 0 ? null : (double) (95 + (i % 5)),
          36.5 + (i % 6) / 10.0,
          12 + (i % 7), 40 + (i % 20),
          activity.equals("sleep") ? 0 : (i * 37 % 120),
          (i % 10) / 10.0, (10 - (i % 10)) / 10.0,
          activity));
    }
    int k = 0;
    long total = Duration.between(HISTORY_START, T0).toHours();
    for (Instant ts = HISTORY_START; ts.isBefore(T0); ts = ts.plus(Duration.ofHours(1)), k++) {
      double score = ((k % 9) - 4) / 10.0;
      String mood = score < -0.2 ? "low" : score > 0.2 ? "happy" : "content";
      // the last three days of unkind chat make the twin more prone to worry, a step at a time
      long step = Math.max(0, k - (total - 72));
      String drift = step == 0 ? null : "negative chat sentiment -0.60: neuroticism +0.0005 (" + step + ")";
      states.add(new State(ts, mood, score, (k % 8) / 10.0, (10 - k % 8) / 10.0, 0.42 + step * 0.0005, drift));
    }
    int j = 0;
    for (Instant ts = NEWBIE_START; ts.isBefore(T0); ts = ts.plus(READING_EVERY), j++) {
      newbieReadings.add(new Reading(ts, 70.0 + (j % 5), 118, 76, 97.0, 36.6, 14, 45, 30, 0.3, 0.6, "work"));
    }
    anomalies.add(episode(T0.minus(Duration.ofDays(10)), Duration.ofMinutes(20), "tachycardia", "medium", 3.1));
    anomalies.add(episode(T0.minus(Duration.ofDays(5)), Duration.ofMinutes(30), "spo2_dip", "low", 2.2));
    anomalies.add(episode(T0.minus(Duration.ofDays(2)), Duration.ofHours(4), "resting_hr_elevation", "high", 4.75));
    anomalies.add(episode(T0.minus(Duration.ofHours(20)), Duration.ofMinutes(10), "sensor_dropout", "medium", 1.5));
    anomalies.add(episode(Instant.parse("2026-05-20T06:13:00Z"), Duration.ofMinutes(28), "bradycardia", "medium", 2.4));
    anomalies.add(episode(T0.minus(Duration.ofMinutes(40)), null, "tachycardia", "high", 3.6));
  }

  private void insert() throws SQLException {
    List<Object[]> health = new ArrayList<>();
    int n = 0;
    for (Reading r : readings) {
      health.add(new Object[] {"h" + n++, TWIN, at(r.ts()), r.heartRate(), r.systolic(), r.diastolic(), r.spo2(),
          r.temp(), r.resp(), r.hrv(), r.steps(), r.stress(), r.energy(), r.activity(), "generator", 0, (long) n});
    }
    for (Instant ts = T0.minus(Duration.ofDays(3)); ts.isBefore(T0); ts = ts.plus(Duration.ofMinutes(30))) {
      health.add(new Object[] {"d" + n++, DECOY, at(ts), 150.0, 180.0, 110.0, 85.0, 39.5, 30.0, 10.0, 5000,
          0.95, 0.05, "work", "generator", 0, (long) n});
    }
    for (Reading r : newbieReadings) {
      health.add(new Object[] {"n" + n++, NEWBIE, at(r.ts()), r.heartRate(), r.systolic(), r.diastolic(), r.spo2(),
          r.temp(), r.resp(), r.hrv(), r.steps(), r.stress(), r.energy(), r.activity(), "generator", 0, (long) n});
    }
    TwinTables.insert(connection, Tables.HEALTH_EVENTS, health);

    List<Object[]> behaviour = new ArrayList<>();
    for (Behaviour b : behaviours) {
      behaviour.add(new Object[] {"b" + n++, TWIN, at(b.ts()), b.kind(), b.activity(), b.previous(), 0.0, 0, 0.5, 0.3});
    }
    behaviour.add(new Object[] {"b" + n++, DECOY, at(T0.minus(Duration.ofHours(30))), "transition", "sleep", "work", 0.0, 0, 0.5, 0.3});
    behaviour.add(new Object[] {"b" + n++, DECOY, at(T0.minus(Duration.ofHours(8))), "transition", "work", "sleep", 0.0, 0, 0.5, 0.3});
    TwinTables.insert(connection, Tables.BEHAVIOR_EVENTS, behaviour);

    List<Object[]> state = new ArrayList<>();
    String routine = "{\"weekday\":" + json(WEEKDAY) + ",\"weekend\":" + json(WEEKEND) + "}";
    for (int i = 0; i < states.size(); i++) {
      State s = states.get(i);
      state.add(new Object[] {"s" + n++, TWIN, at(s.ts()), (long) i, 70.0, 97.0, 120.0, 36.6, 68.0, 5.0, 62.0, 0.9,
          "work", s.mood(), s.moodScore(), s.stress(), s.energy(), "normal", 0.71, 0.66, 0.78, 0.35, s.neuroticism(),
          s.drift(), null, null, null, null, null, routine, null});
    }
    state.add(new Object[] {"s" + n++, NEWBIE, at(T0.minus(Duration.ofMinutes(1))), 1L, 72.0, 97.0, 118.0, 36.6, null,
        null, null, 0.0, "work", "content", 0.1, 0.3, 0.6, "normal", 0.6, 0.5, 0.5, 0.6, 0.4, null,
        null, null, null, null, null, null, null});
    state.add(new Object[] {"s" + n++, DECOY, at(T0.minus(Duration.ofHours(1))), 1L, 150.0, 85.0, 180.0, 39.5, 150.0,
        5.0, 140.0, 0.9, "work", "furious", -0.9, 0.95, 0.05, "high_stress", 0.1, 0.1, 0.1, 0.1, 0.9, null,
        null, null, null, null, null, null, null});
    TwinTables.insert(connection, Tables.TWIN_STATE, state);

    List<Object[]> alerts = new ArrayList<>();
    for (Anomaly a : anomalies) {
      alerts.add(new Object[] {"a" + n++, TWIN, at(a.start()), a.type(), "clinical", a.severity(), a.score(),
          at(a.start()), null, "{}", "v1"});
      if (a.end() != null) {
        alerts.add(new Object[] {"a" + n++, TWIN, at(a.end()), a.type(), "clinical", a.severity(), a.score(),
            at(a.start()), at(a.end()), "{}", "v1"});
      }
    }
    alerts.add(new Object[] {"a" + n++, DECOY, at(T0.minus(Duration.ofHours(2))), "hr_high", "clinical", "high", 9.0,
        at(T0.minus(Duration.ofHours(3))), null, "{}", "v1"});
    TwinTables.insert(connection, Tables.ANOMALIES, alerts);

    List<Object[]> registry = new ArrayList<>();
    registry.add(new Object[] {"r1", TWIN, at(HISTORY_START), "create", "Ada", 34, "f", "nurse", null, "UTC",
        0.5, 0.5, 0.5, 0.5, 0.5, "owner", 7L, null});
    registry.add(new Object[] {"r2", EMPTY, at(HISTORY_START), "create", "Eve", 51, "f", "architect", null, "UTC",
        0.2, 0.3, 0.4, 0.5, 0.6, "owner", 8L, null});
    TwinTables.insert(connection, Tables.TWIN_REGISTRY, registry);
  }

  /** "sleep*6 work" → six times "sleep", then "work". */
  private static List<String> hours(String spec) {
    List<String> out = new ArrayList<>();
    for (String part : spec.split(" ")) {
      String[] p = part.split("\\*");
      out.addAll(java.util.Collections.nCopies(p.length == 1 ? 1 : Integer.parseInt(p[1]), p[0]));
    }
    if (out.size() != 24) {
      throw new IllegalArgumentException("A routine has 24 hours, got " + out.size() + ": " + spec);
    }
    return List.copyOf(out);
  }

  private static String json(List<String> hours) {
    return hours.stream().map(h -> "\"" + h + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  private static Anomaly episode(Instant start, Duration length, String type, String severity, double score) {
    return new Anomaly(start, length == null ? null : start.plus(length), type, severity, score);
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
