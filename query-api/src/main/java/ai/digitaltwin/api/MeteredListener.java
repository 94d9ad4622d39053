package ai.digitaltwin.api;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.metrics.ApiMetrics;
import java.time.Duration;
import java.util.List;

/** Counts a history's queries and view refreshes into the API's metrics. */
record MeteredListener(ApiMetrics metrics, String kind) implements TwinHistory.Listener {
  @Override
  public void queried(boolean ok, Duration elapsed) {
    metrics.query(kind, ok, elapsed);
  }

  @Override
  public void refreshed(List<String> tables) {
    if (kind.equals("api")) {
      tables.forEach(metrics::viewRefreshed);
    }
  }
}
