package ai.digitaltwin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same SQL text asked again after a commit answers from the new snapshot: prepared statements are
 * kept between requests, and must not keep the view they were bound to.
 */
class RepeatedQueryTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final String COUNT = "SELECT count(*) FROM health_events WHERE twin_id = ?";

  @TempDir Path dir;
  TwinCatalog catalog;
  TwinHistory history;

  @BeforeEach
  void open() {
    catalog = TestApi.catalog(dir);
    history = TestApi.history(catalog);
  }

  @AfterEach
  void close() throws Exception {
    history.close();
    catalog.close();
  }

  private long count() {
    return ((Number) history.query(COUNT, List.of("twin-a")).rows().get(0).get(0)).longValue();
  }

  @Test
  void aQueryFirstAskedOfAnEmptyTableSeesItsFirstCommit() {
    assertThat(count()).isZero();
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, List.of(TwinApiTest.reading("twin-a", T0, 70)));
    assertThat(history.refreshNow()).contains(Tables.HEALTH_EVENTS);
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void aQueryAskedBeforeACommitSeesTheRowsItAdded() {
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, List.of(TwinApiTest.reading("twin-a", T0, 70)));
    history.refreshNow();
    assertThat(count()).isEqualTo(1);
    TableWriter.append(
        catalog,
        Tables.HEALTH_EVENTS,
        List.of(TwinApiTest.reading("twin-a", T0.plusSeconds(60), 71), TwinApiTest.reading("twin-a", T0.plusSeconds(120), 72)));
    history.refreshNow();
    assertThat(count()).isEqualTo(3);
  }
}
