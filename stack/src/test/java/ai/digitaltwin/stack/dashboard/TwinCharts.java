package ai.digitaltwin.stack.dashboard;

import ai.digitaltwin.stack.StackClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the twin view's ECharts instances and compares what they draw with the API's answers. */
final class TwinCharts {
  private final Browser browser;
  private final DashboardStack stack;

  TwinCharts(Browser browser, DashboardStack stack) {
    this.browser = browser;
    this.stack = stack;
  }

  void assertTrendMatchesApi(String twin) {
    Map<String, String> d = dataset("#trends");
    assertThat(d.get("metric")).isEqualTo("heart_rate");
    JsonNode api = stack.get("/api/v1/twins/" + twin + "/health/trends?metric=heart_rate&bucket=" + d.get("bucket")
        + "&from=" + d.get("from") + "&to=" + d.get("to"));
    JsonNode series = chart("chart-trend").get("series");
    JsonNode mean = series.get(2).get("data");
    assertThat(series.get(2).get("name").asText()).isEqualTo("mean");
    assertThat(mean.size()).isEqualTo(api.get("points").size()).isGreaterThan(0);
    for (int i = 0; i < mean.size(); i++) {
      JsonNode p = api.get("points").get(i);
      assertThat(mean.get(i).get(0).asText()).isEqualTo(p.get("bucket").asText());
      assertThat(mean.get(i).get(1).asDouble()).isCloseTo(p.get("mean").asDouble(), within(1e-9));
      assertThat(series.get(0).get("data").get(i).get(1).asDouble()).isEqualTo(p.get("min").asDouble());
    }
  }

  /**
   * Over a range of days the heart-rate trend is the twin's local days as the daily figures give them
   * (daily_summaries where the rollup answers, the readings for the rest): the chart draws exactly those.
   * The range is set back to its first choice afterwards.
   */
  void assertDailyTrendMatchesApi(String twin, Duration wait) {
    browser.js("const r = document.querySelector('#trend-range'); r.value = '30d'; r.dispatchEvent(new Event('change'));");
    browser.waitFor("document.querySelector('#trends[data-ready=\"true\"][data-source=\"daily\"]')", wait, "the 30-day trend");
    Map<String, String> d = dataset("#trends");
    assertThat(d.get("bucket")).isEqualTo("local day");
    JsonNode days = stack.get("/api/v1/twins/" + twin + "/health/daily?from=" + d.get("from") + "&to=" + d.get("to")).get("days");
    JsonNode series = chart("chart-trend").get("series");
    JsonNode mean = series.get(2).get("data");
    assertThat(mean.size()).isEqualTo(days.size()).isGreaterThan(0);
    for (int i = 0; i < mean.size(); i++) {
      JsonNode day = days.get(i);
      assertThat(mean.get(i).get(0).asText()).isEqualTo(day.get("day_start").asText());
      if (i < mean.size() - 1) { // the last day is still receiving readings; a rollup may answer a day since
        assertThat(mean.get(i).get(1).asDouble()).isCloseTo(day.get("hr_mean").asDouble(), within(1e-9));
        assertThat(series.get(0).get("data").get(i).get(1).asDouble()).isEqualTo(day.get("hr_min").asDouble());
      }
    }
    assertThat(browser.js("return document.querySelector('#trend-note').textContent").toString())
        .contains(days.size() + " local days");
    browser.js("const r = document.querySelector('#trend-range'); r.value = '24h'; r.dispatchEvent(new Event('change'));");
    browser.waitFor("document.querySelector('#trends[data-ready=\"true\"][data-source=\"trends\"]')", wait, "the 24-hour trend again");
  }

  void assertSleepMatchesApi(String twin) {
    Map<String, String> d = dataset("#behavior");
    JsonNode api = stack.get("/api/v1/twins/" + twin + "/behavior?from=" + d.get("from") + "&to=" + d.get("to"));
    JsonNode sleep = chart("chart-sleep").get("series").get(0).get("data");
    assertThat(sleep.size()).isEqualTo(api.get("sleep").size());
    for (int i = 0; i < sleep.size(); i++) {
      assertThat(sleep.get(i).asDouble()).isEqualTo(api.get("sleep").get(i).get("hours").asDouble());
    }
    JsonNode mix = chart("chart-activity").get("series");
    assertThat(mix.size()).isGreaterThan(0);
    JsonNode heat = chart("chart-heatmap").get("series").get(0).get("data");
    assertThat(heat.size()).isGreaterThan(0);
  }

  void assertAnomaliesMatchApi(String twin) {
    Map<String, String> d = dataset("#anomalies");
    JsonNode api = stack.get("/api/v1/twins/" + twin + "/anomalies?limit=1000&from=" + d.get("from") + "&to=" + d.get("to"));
    assertThat(browser.js("return document.querySelectorAll('#anomaly-rows tr').length"))
        .isEqualTo((long) api.get("items").size());
    assertThat(chart("chart-anomalies").get("series").get(0).get("data").size()).isEqualTo(api.get("items").size());
  }

  /**
   * The API's readings by time, once they include every point of the chart: a point that arrived live
   * (server-sent, from the hot path) is in the tables only after the next Iceberg commit.
   */
  Map<String, JsonNode> readingsCovering(String twin, List<JsonNode> points) throws InterruptedException {
    Map<String, JsonNode> byTs = new HashMap<>();
    DashboardStack.await(Duration.ofSeconds(30), () -> {
      byTs.clear();
      stack.get("/api/v1/twins/" + twin + "/health?limit=1000").get("readings").forEach(r -> byTs.put(r.get("ts").asText(), r));
      for (JsonNode p : points) {
        if (!byTs.containsKey(p.get(0).asText())) {
          return false;
        }
      }
      return true;
    }, "the API to have every reading the chart shows");
    return byTs;
  }

  JsonNode chart(String id) {
    String json = browser.chartOption(id);
    assertThat(json).as("chart %s", id).isNotNull();
    try {
      return StackClient.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, String> dataset(String css) {
    return (Map<String, String>) browser.js("return Object.assign({}, document.querySelector(arguments[0]).dataset)", css);
  }
}
