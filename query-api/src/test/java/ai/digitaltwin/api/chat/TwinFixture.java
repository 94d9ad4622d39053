package ai.digitaltwin.api.chat;

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
  static final Instant HISTORY_START = T0.minus(Duration.ofDays(15)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
  static final Duration READING_EVERY = Duration.ofMinutes(10);

  record Reading(Instant ts, Double heartRate, double systolic, double diastolic, Double spo2, double temp,
      double resp, double hrv, int steps, double stress, double energy, String activity) {}

  record Behaviour(Instant ts, String kind, String activity, String previous) {}

  record State(Instant ts, String mood, double moodScore, double stress, double energy) {}

  record Anomaly(Instant ts, String type, String severity, double score) {}

  record Sleep(Instant start, Instant end) {}

  final List<Reading> readings = new ArrayList<>();
  final List<Behaviour> behaviours = new ArrayList<>();
  final List<State> states = new ArrayList<>();
  final List<Anomaly> anomalies = new ArrayList<>();
  final List<Sleep> sleeps = new ArrayList<>();
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
    for (Instant ts = HISTORY_START; ts.isBefore(T0); ts = ts.plus(Duration.ofHours(1)), k++) {
      double score = ((k % 9) - 4) / 10.0;
      String mood = score < -0.2 ? "low" : score > 0.2 ? "happy" : "content";
      states.add(new State(ts, mood, score, (k % 8) / 10.0, (10 - k % 8) / 10.0));
    }
    anomalies.add(new Anomaly(T0.minus(Duration.ofDays(10)), "hr_high", "medium", 3.1));
    anomalies.add(new Anomaly(T0.minus(Duration.ofDays(5)), "spo2_low", "low", 2.2));
    anomalies.add(new Anomaly(T0.minus(Duration.ofDays(2)), "hr_above_baseline", "high", 4.75));
    anomalies.add(new Anomaly(T0.minus(Duration.ofHours(20)), "sensor_dropout", "medium", 1.5));
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
    TwinTables.insert(connection, Tables.HEALTH_EVENTS, health);

    List<Object[]> behaviour = new ArrayList<>();
    for (Behaviour b : behaviours) {
      behaviour.add(new Object[] {"b" + n++, TWIN, at(b.ts()), b.kind(), b.activity(), b.previous(), 0.0, 0, 0.5, 0.3});
    }
    behaviour.add(new Object[] {"b" + n++, DECOY, at(T0.minus(Duration.ofHours(30))), "transition", "sleep", "work", 0.0, 0, 0.5, 0.3});
    behaviour.add(new Object[] {"b" + n++, DECOY, at(T0.minus(Duration.ofHours(8))), "transition", "work", "sleep", 0.0, 0, 0.5, 0.3});
    TwinTables.insert(connection, Tables.BEHAVIOR_EVENTS, behaviour);

    List<Object[]> state = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      State s = states.get(i);
      String drift = i == states.size() - 1 ? "negative_chat" : null;
      state.add(new Object[] {"s" + n++, TWIN, at(s.ts()), (long) i, 70.0, 97.0, 120.0, 36.6, 68.0, 5.0, 62.0, 0.9,
          "work", s.mood(), s.moodScore(), s.stress(), s.energy(), "normal", 0.71, 0.66, 0.78, 0.35, 0.42, drift,
          null, null, null, null, null, null, null});
    }
    state.add(new Object[] {"s" + n++, DECOY, at(T0.minus(Duration.ofHours(1))), 1L, 150.0, 85.0, 180.0, 39.5, 150.0,
        5.0, 140.0, 0.9, "work", "furious", -0.9, 0.95, 0.05, "high_stress", 0.1, 0.1, 0.1, 0.1, 0.9, null,
        null, null, null, null, null, null, null});
    TwinTables.insert(connection, Tables.TWIN_STATE, state);

    List<Object[]> alerts = new ArrayList<>();
    for (Anomaly a : anomalies) {
      alerts.add(new Object[] {"a" + n++, TWIN, at(a.ts()), a.type(), "baseline", a.severity(), a.score(),
          at(a.ts().minus(Duration.ofMinutes(10))), at(a.ts()), "{}", "v1"});
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

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
