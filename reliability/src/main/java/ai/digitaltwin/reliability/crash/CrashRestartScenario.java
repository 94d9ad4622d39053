package ai.digitaltwin.reliability.crash;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.reliability.harness.ChildStack;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kill -9 of the whole stack at random moments during a backfill, then a comparison with an uninterrupted
 * run of the same seed: the raw tables must hold exactly what the generator says it committed (no loss,
 * no duplicate event id), the same rows as the uninterrupted run, and every twin the same final state.
 */
public final class CrashRestartScenario implements Scenario {
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  /** How often the settle loop reads twin_state again. */
  static final Duration SETTLE = Duration.ofSeconds(3);
  /**
   * Columns the job computes per local day or at its end (TwinModel.rollDay): the day rolls over when the
   * first input of the next day arrives, from either topic, so they depend on how health and behaviour
   * events interleave around midnight, which differs between runs.
   */
  static final List<String> DAY_COLUMNS =
      List.of("steps_today", "resting_hr_day", "activity_mix", "routine", "sleep_hours", "sleep_regularity", "mood", "mood_score",
          "openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism", "drift_cause");

  @Override
  public String name() {
    return "crash-restart";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    int twins = ctx.scale().crashTwins();
    Instant end = START.plus(Duration.ofDays(ctx.scale().crashDays()));
    long seed = ctx.config().seed();

    CrashRun reference = new CrashRun(ctx.dir("crash-reference"), seed, twins, START, end);
    Result uninterrupted = finish(reference, end, twins);

    CrashRun crashed = new CrashRun(ctx.dir("crash-killed"), seed, twins, START, end);
    // seeded points of the backfill's ingestion, in order: each life gets a little further than the last
    double[] points = new double[ctx.scale().kills()];
    for (int i = 0; i < points.length; i++) {
      points[i] = 0.05 + 0.9 * ctx.random().nextDouble();
    }
    java.util.Arrays.sort(points);
    for (double point : points) {
      crashed.startAndKill(point);
    }
    Result killed = finish(crashed, end, twins);

    String done = ctx.scale().kills() + " × kill -9 of the stack process at random points (seed " + seed + ") of a "
        + ctx.scale().crashDays() + "-day backfill of " + twins + " twins (when the " + Tables.HEALTH_EVENTS + " snapshot held that share of "
        + "it, while the job catches up); restarted on the same data directory each time";
    return List.of(exactlyOnce(done, crashed, killed), sameRows(killed, uninterrupted),
        sameState("crash: same twin state", "every column folded event by event (readings, vitals, baselines, activity, stress, "
            + "energy, status)", killed, uninterrupted, column -> !DAY_COLUMNS.contains(column)),
        sameState("crash: same day aggregates", "the columns that roll over at local midnight (" + String.join(", ", DAY_COLUMNS) + ")",
            killed, uninterrupted, DAY_COLUMNS::contains));
  }

  private static Result finish(CrashRun run, Instant end, int twins) throws Exception {
    TableStats.Expected expected = new TableStats.Expected();
    try (ChildStack stack = run.startAndFinish(expected)) {
      String token = stack.api().login("admin", CrashRun.ADMIN_PASSWORD);
      List<TableStats> tables = TableStats.readAll(stack.api(), token);
      // without newer data the watermark may never pass the last intervals (see WatermarkFlush): move it on first
      int sent = WatermarkFlush.send(run.bootstrap(), end.plus(Duration.ofDays(1)));
      // the snapshots the flush releases are committed with (or right after) the flush readings themselves
      Await.until("the flush readings in " + Tables.HEALTH_EVENTS, Duration.ofSeconds(120), () -> stack.api().sqlLong(token,
          "SELECT count(*) FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = '" + WatermarkFlush.TWIN + "'") >= sent);
      Map<String, Map<String, String>> after = settled(stack, token, twins);
      after.remove(WatermarkFlush.TWIN);
      return new Result(expected.byTable(), tables, after);
    }
  }

  /**
   * twin_state once every twin's newest row has folded all of that twin's readings, and the rows stop
   * changing. After a restart, input partitions with nothing left to read hold the watermark back until
   * they are marked idle ({@code SOURCE_IDLENESS_MS}), so the newest rows can stand still for a while
   * short of the end; only the reading count tells that they are final.
   */
  private static Map<String, Map<String, String>> settled(ChildStack stack, String token, int twins) throws InterruptedException {
    Map<String, Long> readings = TableStats.readingsByTwin(stack.api(), token);
    readings.remove(WatermarkFlush.TWIN);
    Map<String, Map<String, String>> states = Map.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, Map<String, String>> again = TableStats.finalStates(stack.api(), token);
      if (again.size() >= twins && again.equals(states) && foldedAll(again, readings)) {
        return again;
      }
      states = again;
      Thread.sleep(SETTLE.toMillis()); // polling interval of a condition with a deadline
    }
    List<String> behind = new ArrayList<>();
    for (Map.Entry<String, Long> e : readings.entrySet()) {
      Map<String, String> state = states.get(e.getKey());
      if (state == null || !String.valueOf(e.getValue()).equals(state.get("readings"))) {
        String folded = state == null ? "no state" : state.get("readings") + " at " + state.get("ts");
        behind.add(e.getKey() + " " + folded + " of " + e.getValue());
      }
    }
    throw new IllegalStateException(Tables.TWIN_STATE + " did not settle with " + twins + " twins within 180 s (has " + states.size()
        + "; newest state behind its readings: " + behind + ")");
  }

  private static boolean foldedAll(Map<String, Map<String, String>> states, Map<String, Long> readings) {
    return readings.entrySet().stream()
        .allMatch(e -> states.containsKey(e.getKey()) && String.valueOf(e.getValue()).equals(states.get(e.getKey()).get("readings")));
  }

  private static Outcome exactlyOnce(String done, CrashRun run, Result r) {
    List<String> seen = new ArrayList<>();
    boolean ok = true;
    for (TableStats t : r.tables()) {
      long produced = r.produced().get(t.table());
      ok &= t.rows() == produced && t.distinctIds() == produced && produced > 0;
      seen.add(t.table() + " " + t.rows() + " rows / " + t.distinctIds() + " ids / " + produced + " produced");
    }
    List<String> kills = new ArrayList<>();
    for (CrashRun.Kill k : run.kills()) {
      kills.add(String.format("kill #%d (%s) %.1f s after the job started: generator %.0f %%, tables %s", k.number(), k.target(),
          k.afterStartMs() / 1000.0, 100 * k.generatorShare(), Double.isNaN(k.tableShare()) ? "?" : String.format("%.0f %%", 100 * k.tableShare())));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("kills", run.kills());
    figures.put("starts", run.starts());
    figures.put("tables", r.tables());
    figures.put("produced", r.produced());
    return Outcome.of("crash: exactly once", done,
        "every raw table: rows == events the generator committed (its checkpoint), no duplicate event_id",
        String.join("; ", kills) + ". " + String.join("; ", seen), ok, figures);
  }

  private static Outcome sameRows(Result killed, Result uninterrupted) {
    boolean ok = killed.tables().equals(uninterrupted.tables()) && killed.produced().equals(uninterrupted.produced());
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < killed.tables().size(); i++) {
      TableStats a = killed.tables().get(i);
      TableStats b = uninterrupted.tables().get(i);
      diffs.add(a.table() + (a.equals(b) ? " identical (" + a.rows() + " rows, fingerprint " + a.fingerprint() + ")" : " differs: " + a + " vs " + b));
    }
    return Outcome.of("crash: same events", "compared the raw tables of the killed run with an uninterrupted run of the same seed",
        "same rows in every raw table (count and content fingerprint)", String.join("; ", diffs), ok,
        Map.of("killed", killed.tables(), "uninterrupted", uninterrupted.tables()));
  }

  private static Outcome sameState(String name, String what, Result killed, Result uninterrupted, java.util.function.Predicate<String> columns) {
    List<String> diffs = differences(killed.states(), uninterrupted.states(), columns);
    boolean ok = diffs.isEmpty() && killed.states().size() == uninterrupted.states().size() && !uninterrupted.states().isEmpty();
    String observed = (ok
        ? "all " + uninterrupted.states().size() + " twins: newest " + Tables.TWIN_STATE + " row identical in these columns"
        : diffs.size() + " differences: " + String.join("; ", diffs.subList(0, Math.min(6, diffs.size()))));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("differences", diffs);
    return Outcome.of(name,
        "compared each twin's newest " + Tables.TWIN_STATE + " row between the two runs, after one reading of another twin a day later moved "
            + "the watermark past the backfill: " + what,
        "identical state for every twin", observed, ok, figures);
  }

  private static List<String> differences(
      Map<String, Map<String, String>> killedStates, Map<String, Map<String, String>> reference, java.util.function.Predicate<String> columns) {
    List<String> diffs = new ArrayList<>();
    for (String twin : reference.keySet()) {
      Map<String, String> a = killedStates.get(twin);
      Map<String, String> b = reference.get(twin);
      if (a == null) {
        diffs.add(twin + ": no state after the kills");
        continue;
      }
      for (String column : b.keySet()) {
        if (columns.test(column) && !Objects.equals(a.get(column), b.get(column))) {
          diffs.add(twin + "." + column + " " + a.get(column) + " vs " + b.get(column));
        }
      }
    }
    return diffs;
  }

  private record Result(
      Map<String, Long> produced,
      List<TableStats> tables,
      Map<String, Map<String, String>> states) {}
}
