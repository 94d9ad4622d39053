package ai.digitaltwin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.api.chat.store.HistorySql;
import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.Reading;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-twin relations read only the data files whose Iceberg statistics can hold the twin and window. */
class HistoryPruningTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir static Path dir;
  static TwinCatalog catalog;
  static TwinHistory history;

  @BeforeAll
  static void start() {
    catalog = TestApi.catalog(dir);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(TwinApiTest.reading("twin-a", T0.plusSeconds(60L * i), 70));
      rows.add(TwinApiTest.reading("twin-b", T0.plusSeconds(60L * i), 80));
    }
    rows.add(TwinApiTest.reading("twin-a", T0.plus(Duration.ofDays(2)), 75));
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, rows); // one file per row
    history = TestApi.history(catalog);
  }

  @AfterAll
  static void stop() throws Exception {
    history.close();
    catalog.close();
  }

  private static long rows(String relation) {
    return ((Number) history.query("SELECT count(*) FROM " + relation, List.of()).rows().get(0).get(0)).longValue();
  }

  @Test
  void readsOnlyTheTwinsFiles() {
    assertThat(rows("health_events")).isEqualTo(11);
    assertThat(rows(history.relation(Tables.HEALTH_EVENTS, "twin-a", null, null))).isEqualTo(6);
    assertThat(rows(history.relation(Tables.HEALTH_EVENTS, "twin-b", null, null))).isEqualTo(5);
  }

  @Test
  void readsOnlyTheFilesOfTheWindow() {
    String lastDay = history.relation(Tables.HEALTH_EVENTS, "twin-a", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(3)));
    assertThat(rows(lastDay)).isEqualTo(1);
    String firstMinutes = history.relation(Tables.HEALTH_EVENTS, "twin-a", T0, T0.plusSeconds(120));
    assertThat(rows(firstMinutes)).isEqualTo(2);
  }

  @Test
  void filesWrittenBeforeAColumnWasAddedStillRead() {
    TableWriter.append(catalog, Tables.CHAT_MESSAGES, List.of(message("before")));
    catalog.table(Tables.CHAT_MESSAGES).updateSchema().addColumn("mood_hint", org.apache.iceberg.types.Types.StringType.get()).commit();
    Map<String, Object> after = message("after");
    after.put("mood_hint", "calm");
    TableWriter.append(catalog, Tables.CHAT_MESSAGES, List.of(after));
    history.refreshNow();
    var counts = history.query("SELECT count(*), count(mood_hint) FROM chat_messages", List.of()).rows().get(0);
    assertThat(counts).containsExactly(2L, 1L);
    var twin = history.query("SELECT count(*) FROM " + history.relation(Tables.CHAT_MESSAGES, "twin-a", null, null), List.of());
    assertThat(twin.rows().get(0)).containsExactly(2L);
  }

  private static Map<String, Object> message(String text) {
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("event_id", "m-" + text);
    row.put("twin_id", "twin-a");
    row.put("ts", T0);
    row.put("role", "user");
    row.put("text", text);
    return row;
  }

  @Test
  void theNewestRowsOfATwinAreFoundByItsFilesBounds() {
    assertThat(history.views().newest(Tables.HEALTH_EVENTS, "twin-a")).contains(T0.plus(Duration.ofDays(2)));
    assertThat(history.views().newest(Tables.HEALTH_EVENTS, "twin-b")).contains(T0.plusSeconds(240));
    assertThat(history.views().newest(Tables.HEALTH_EVENTS, "nobody")).isEmpty();
  }

  @Test
  void newestReadingsReachBackPastTheLastDayWhenItHoldsTooFew() {
    TwinService twins = new TwinService(history, new RecentRegistry(history));
    List<Reading> newest = twins.health("twin-a", 3).readings();
    assertThat(newest).extracting(Reading::ts)
        .containsExactly(T0.plus(Duration.ofDays(2)).toString(), T0.plusSeconds(240).toString(), T0.plusSeconds(180).toString());
    List<Reading> lastDay = twins.health("twin-a", 1).readings();
    assertThat(lastDay).extracting(Reading::ts).containsExactly(T0.plus(Duration.ofDays(2)).toString());
  }

  @Test
  void aScopedChatQueryAnswersAsTheWholeTablesDo() {
    HistorySql sql = new HistorySql(history, new DailyFigures(history));
    String count = "SELECT count(*) AS n, sum(heart_rate) AS hr FROM health_events WHERE twin_id = ? AND ts >= ? AND ts < ?";
    List<Object> params = List.of("twin-a", T0.atOffset(ZoneOffset.UTC), T0.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC));
    var whole = sql.query(count, params);
    assertThat(whole.rows()).containsExactly(List.of(6L, 425.0));
    assertThat(sql.query(count, params, new SqlRunner.Scope("twin-a", T0, T0.plus(Duration.ofDays(3)))).rows())
        .isEqualTo(whole.rows());
    // a scope narrower than the query's own filter shows that only the scope's files were read
    assertThat(sql.query(count, params, new SqlRunner.Scope("twin-a", T0, T0.plusSeconds(120))).rows())
        .containsExactly(List.of(2L, 140.0));
  }

  @Test
  void anUnknownTwinIsAnEmptyRelationOfTheTablesShape() {
    String none = history.relation(Tables.HEALTH_EVENTS, "nobody", null, null);
    assertThat(rows(none)).isZero();
    assertThat(history.query("SELECT heart_rate FROM " + none, List.of()).columns()).containsExactly("heart_rate");
  }
}
