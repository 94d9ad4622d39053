package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trends, personality drift, behaviour, anomalies, time travel and analytics over real Iceberg data. */
class TwinViewsApiTest {
  /** A Monday. */
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final String TWIN = "twin-v";

  @TempDir static Path dir;
  static TwinCatalog catalog;
  static TestApi api;
  static String admin;
  static Instant firstStateCommit;

  @BeforeAll
  static void start() throws Exception {
    catalog = TestApi.catalog(dir);
    TableWriter.append(catalog, Tables.TWIN_REGISTRY, List.of(TwinApiTest.registry(TWIN, "created", "Vera", T0, 0.5)));
    List<Map<String, Object>> readings = new ArrayList<>();
    for (int h = 0; h < 48; h++) {
      // two readings an hour: heart rate 60 + h and 62 + h, so the hour's mean is 61 + h
      readings.add(reading(T0.plusSeconds(3600L * h), 60.0 + h, 100, h == 10 ? 0.9 : 0.2));
      readings.add(reading(T0.plusSeconds(3600L * h + 1800), 62.0 + h, 50, 0.2));
    }
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, readings);
    TableWriter.append(
        catalog,
        Tables.BEHAVIOR_EVENTS,
        List.of(
            behavior(T0, "sleep"), // 00:00-07:00 sleep
            behavior(T0.plusSeconds(7 * 3600), "routine"), // 07:00-09:00
            behavior(T0.plusSeconds(9 * 3600), "work"), // 09:00-10:00 (3 h cap not reached)
            behavior(T0.plusSeconds(10 * 3600), "work"),
            behavior(T0.plusSeconds(11 * 3600), "leisure")));
    TableWriter.append(
        catalog,
        Tables.TWIN_STATE,
        List.of(state(T0.plusSeconds(3600), 0.5, null, 1), state(T0.plusSeconds(7200), 0.52, "sustained_stress", 2)));
    firstStateCommit = Instant.ofEpochMilli(catalog.table(Tables.TWIN_STATE).currentSnapshot().timestampMillis());
    long afterFirst = firstStateCommit.toEpochMilli();
    // the next commit must carry a later timestamp than the first: wait for the millisecond clock to move
    while (System.currentTimeMillis() <= afterFirst + 5) {
      Thread.onSpinWait();
    }
    TableWriter.append(
        catalog, Tables.TWIN_STATE, List.of(state(T0.plusSeconds(86_400 + 3600), 0.58, "social_support", 3)));
    TableWriter.append(
        catalog,
        Tables.ANOMALIES,
        List.of(
            anomaly("tachycardia", "high", T0.plusSeconds(3600), null, T0.plusSeconds(3600)),
            anomaly("tachycardia", "high", T0.plusSeconds(3600), T0.plusSeconds(5400), T0.plusSeconds(5400)),
            anomaly("low_spo2", "low", T0.plusSeconds(40_000), null, T0.plusSeconds(40_000))));
    api = TestApi.start(dir, catalog, Map.of());
    admin = api.adminToken();
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static Map<String, Object> reading(Instant at, double bpm, int steps, double stress) {
    Map<String, Object> row = TwinApiTest.reading(TWIN, at, bpm);
    row.put("steps", steps);
    row.put("stress", stress);
    row.put("systolic_bp", bpm > 100 ? 150.0 : 120.0);
    return row;
  }

  static Map<String, Object> behavior(Instant at, String activity) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", "b-" + at.toEpochMilli());
    row.put("twin_id", TWIN);
    row.put("ts", at);
    row.put("kind", "transition");
    row.put("activity", activity);
    row.put("duration_min", 0.0);
    row.put("steps", 0);
    row.put("energy", 0.5);
    row.put("stress", 0.3);
    return row;
  }

  static Map<String, Object> state(Instant at, double openness, String cause, long readings) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", "s-" + at.toEpochMilli());
    row.put("twin_id", TWIN);
    row.put("ts", at);
    row.put("readings", readings);
    row.put("heart_rate", 70.0 + readings);
    row.put("baseline_confidence", 0.5);
    row.put("activity", "work");
    row.put("mood", "calm");
    row.put("energy", 0.6);
    row.put("openness", openness);
    row.put("conscientiousness", 0.6);
    row.put("extraversion", 0.5);
    row.put("agreeableness", 0.7);
    row.put("neuroticism", 0.4);
    row.put("drift_cause", cause);
    return row;
  }

  static Map<String, Object> anomaly(String type, String severity, Instant start, Instant end, Instant at) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", "a-" + type + "-" + at.toEpochMilli());
    row.put("twin_id", TWIN);
    row.put("ts", at);
    row.put("type", type);
    row.put("layer", "clinical");
    row.put("severity", severity);
    row.put("score", 3.0);
    row.put("start_ts", start);
    row.put("end_ts", end);
    row.put("evidence", "{\"heart_rate\": 131}");
    row.put("detector_version", "1");
    return row;
  }

  static JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = api.get(path, admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestApi.json(response);
  }

  static String window(int hours) {
    return "from=" + T0 + "&to=" + T0.plusSeconds(3600L * hours);
  }

  @Test
  void hourlyTrendAveragesEachHour() throws Exception {
    JsonNode body = ok("/api/v1/twins/" + TWIN + "/health/trends?metric=heart_rate&bucket=hour&" + window(24));
    assertThat(body.get("points")).hasSize(24);
    assertThat(body.get("points").get(0).get("bucket").asText()).isEqualTo(T0.toString());
    assertThat(body.get("points").get(0).get("mean").asDouble()).isEqualTo(61.0);
    assertThat(body.get("points").get(5).get("max").asDouble()).isEqualTo(67.0);
    assertThat(body.get("points").get(5).get("n").asInt()).isEqualTo(2);
    JsonNode daily = ok("/api/v1/twins/" + TWIN + "/health/trends?metric=steps&bucket=day&" + window(48));
    assertThat(daily.get("points")).hasSize(2);
    assertThat(daily.get("points").get(0).get("sum").asDouble()).isEqualTo(24 * 150.0);
  }

  @Test
  void trendInputIsValidated() throws Exception {
    String base = "/api/v1/twins/" + TWIN + "/health/trends";
    HttpResponse<String> metric = api.get(base + "?metric=heart_rate;drop", admin);
    assertError(metric, 400, "bad_request");
    assertThat(TestApi.json(metric).get("field").asText()).isEqualTo("metric");
    assertError(api.get(base, admin), 400, "bad_request");
    assertError(api.get(base + "?metric=spo2&bucket=week", admin), 400, "bad_request");
    HttpResponse<String> reversed = api.get(base + "?metric=spo2&from=" + T0.plusSeconds(10) + "&to=" + T0, admin);
    assertThat(TestApi.json(reversed).get("message").asText()).isEqualTo("from must be before to");
    HttpResponse<String> badTime = api.get(base + "?metric=spo2&from=yesterday", admin);
    assertThat(TestApi.json(badTime).get("field").asText()).isEqualTo("from");
    assertError(api.get(base + "?metric=spo2&from=2020-01-01&to=2026-01-01", admin), 400, "bad_request");
  }

  @Test
  void dailyFiguresArePerLocalDayAndFromTheReadingsBeforeAnyRollup() throws Exception {
    JsonNode body = ok("/api/v1/twins/" + TWIN + "/health/daily?from=2026-03-01&to=2026-03-05");
    JsonNode days = body.get("days");
    assertThat(days).hasSize(2); // no readings on 1 and 4 March: no day
    JsonNode first = days.get(0);
    assertThat(first.get("day").asText()).isEqualTo("2026-03-02");
    assertThat(first.get("day_start").asText()).isEqualTo(T0.toString()); // a twin without a zone lives in UTC
    assertThat(first.get("source").asText()).isEqualTo("raw"); // nothing rolled up yet
    assertThat(first.get("readings").asLong()).isEqualTo(48);
    assertThat(first.get("steps").asLong()).isEqualTo(24 * 150);
    assertThat(first.get("hr_mean").asDouble()).isEqualTo(72.5); // the mean of 61 + h, h = 0..23
    assertThat(first.get("hr_min").asDouble()).isEqualTo(60.0);
    assertThat(days.get(1).get("hr_max").asDouble()).isEqualTo(62.0 + 47);
    JsonNode analytics = ok("/api/v1/twins/" + TWIN + "/analytics?from=" + T0.plusSeconds(3600) + "&to=" + T0.plusSeconds(7200));
    assertThat(analytics.get("daily_figures").get("days")).hasSize(1); // the whole day the window touches
    assertThat(analytics.get("daily_figures").get("days").get(0).get("readings").asLong()).isEqualTo(48);

    String base = "/api/v1/twins/" + TWIN + "/health/daily";
    HttpResponse<String> badDate = api.get(base + "?from=2026-3-1", admin);
    assertError(badDate, 400, "bad_request");
    assertThat(TestApi.json(badDate).get("message").asText()).isEqualTo("from must be a date such as 2026-03-01");
    assertError(api.get(base + "?from=2024-01-01&to=2026-01-01", admin), 400, "bad_request");
    assertError(api.get(base + "?source=cache", admin), 400, "bad_request");
  }

  @Test
  void personalityShowsBaselineDriftAndCauses() throws Exception {
    JsonNode body = ok("/api/v1/twins/" + TWIN + "/personality?" + window(72));
    assertThat(body.get("baseline").get("extraversion").asDouble()).isEqualTo(0.5);
    assertThat(body.get("current").get("openness").asDouble()).isEqualTo(0.58);
    assertThat(body.get("status").asText()).isEqualTo("tracked");
    assertThat(body.get("current_from").asText()).isEqualTo("state");
    assertThat(body.get("drift")).hasSize(2);
    assertThat(body.get("drift").get(0).get("traits").get("openness").asDouble()).isEqualTo(0.52);
    assertThat(body.get("drift").get(0).get("causes").get(0).asText()).isEqualTo("sustained_stress");
    assertThat(body.get("drift").get(1).get("causes").get(0).asText()).isEqualTo("social_support");
    assertThat(body.get("edits")).hasSize(1);
  }

  @Test
  void behaviorMixesActivitiesByHourAndCountsSleep() throws Exception {
    JsonNode body = ok("/api/v1/twins/" + TWIN + "/behavior?" + window(24));
    JsonNode byHour = body.get("by_hour");
    assertThat(byHour.get(0).get("hour").asInt()).isEqualTo(0);
    assertThat(byHour.get(0).get("mix").get("sleep").asDouble()).isEqualTo(1.0);
    // the sleep span starting at 00:00 lasts 7 h but is capped at 3 h
    assertThat(body.get("sleep").get(0).get("hours").asDouble()).isEqualTo(3.0);
    assertThat(body.get("by_weekday").get(0).get("weekday").asText()).isEqualTo("monday");
    assertThat(body.get("steps").get(0).get("steps").asLong()).isEqualTo(24 * 150);
  }

  @Test
  void anomaliesShowEachEpisodeOnceAndFilter() throws Exception {
    JsonNode all = ok("/api/v1/twins/" + TWIN + "/anomalies?" + window(24));
    assertThat(all.get("items")).hasSize(2);
    JsonNode high = ok("/api/v1/twins/" + TWIN + "/anomalies?severity=high&" + window(24));
    assertThat(high.get("items")).hasSize(1);
    JsonNode episode = high.get("items").get(0);
    assertThat(episode.get("open").asBoolean()).isFalse();
    assertThat(episode.get("end_ts").asText()).isEqualTo(T0.plusSeconds(5400).toString());
    assertThat(episode.get("evidence").get("heart_rate").asInt()).isEqualTo(131);
    assertThat(ok("/api/v1/twins/" + TWIN + "/anomalies?type=low_spo2&" + window(24)).get("items")).hasSize(1);
    assertError(api.get("/api/v1/twins/" + TWIN + "/anomalies?severity=extreme", admin), 400, "bad_request");
  }

  @Test
  void timeTravelReturnsTheEarlierStateAfterLaterChanges() throws Exception {
    JsonNode early = ok("/api/v1/twins/" + TWIN + "/state?as_of=" + T0.plusSeconds(5000));
    assertThat(early.get("state").get("openness").asDouble()).isEqualTo(0.5);
    assertThat(early.get("last_reading").get("ts").asText()).isEqualTo(T0.plusSeconds(3600).toString());
    JsonNode later = ok("/api/v1/twins/" + TWIN + "/state?as_of=" + T0.plusSeconds(200_000));
    assertThat(later.get("state").get("openness").asDouble()).isEqualTo(0.58);
    assertThat(ok("/api/v1/twins/" + TWIN + "/state?as_of=" + T0.minusSeconds(10)).get("state").isNull()).isTrue();

    // the system as it was right after the first commit of twin_state: the later commit is invisible
    JsonNode seen = ok("/api/v1/twins/" + TWIN + "/state?system_time=" + firstStateCommit);
    assertThat(seen.get("state").get("openness").asDouble()).isEqualTo(0.52);
    assertThat(seen.get("snapshots").get("twin_state").get("committed_at").asText())
        .isEqualTo(firstStateCommit.toString());
    assertThat(ok("/api/v1/twins/" + TWIN + "/state?system_time=2001-01-01T00:00:00Z").get("state").isNull()).isTrue();
    assertError(api.get("/api/v1/twins/" + TWIN + "/state", admin), 400, "bad_request");
  }

  @Test
  void theStatusAsOfAnInstantIsTheAnomalyOpenThenOrTheRulesOnTheLastReading() throws Exception {
    String path = "/api/v1/twins/" + TWIN + "/state?as_of=";
    // inside the tachycardia episode (minute 60 to 90): its type, though the last reading breaks no rule
    JsonNode inEpisode = ok(path + T0.plusSeconds(5000));
    assertThat(inEpisode.get("status").asText()).isEqualTo("tachycardia");
    assertThat(inEpisode.get("status_rules")).extracting(JsonNode::asText).containsExactly("normal");
    assertThat(inEpisode.get("open_anomalies")).singleElement()
        .satisfies(a -> assertThat(a.get("severity").asText()).isEqualTo("high"))
        .satisfies(a -> assertThat(a.get("end_ts").asText()).isEqualTo(T0.plusSeconds(5400).toString()));
    // after it closed: the rules on the last reading
    JsonNode after = ok(path + T0.plusSeconds(6000));
    assertThat(after.get("status").asText()).isEqualTo("normal");
    assertThat(after.get("open_anomalies")).isEmpty();
    // the 10:00 reading has stress 0.9; the 10:30 one 0.2
    assertThat(ok(path + T0.plusSeconds(36_500)).get("status").asText()).isEqualTo("high_stress");
    assertThat(ok(path + T0.plusSeconds(37_900)).get("status").asText()).isEqualTo("normal");
    // an episode never closed stays open; before the first reading there is nothing to judge
    assertThat(ok(path + T0.plusSeconds(50_000)).get("status").asText()).isEqualTo("low_spo2");
    assertThat(ok(path + T0.minusSeconds(10)).get("status").asText()).isEqualTo("no_data");
  }

  @Test
  void analyticsApplyTheOriginalRulesToData() throws Exception {
    JsonNode body = ok("/api/v1/twins/" + TWIN + "/analytics?" + window(48));
    JsonNode health = body.get("health_trends");
    assertThat(health.get("readings").asInt()).isEqualTo(96);
    // above 100 bpm: 62 + h for h = 39..47 (9 readings) and 60 + h for h = 41..47 (7 readings)
    assertThat(health.get("heart_rate_alerts").asInt()).isEqualTo(9 + 7);
    assertThat(health.get("systolic_alerts").asInt()).isEqualTo(9 + 7);
    assertThat(health.get("stress_alerts").asInt()).isEqualTo(1);
    assertThat(body.get("personality_analysis").get("dominant_traits").get(0).asText()).isEqualTo("agreeableness");
    assertThat(body.get("anomalies").get("high").asInt()).isEqualTo(1);
    assertThat(body.get("behavior_analysis").get("activity_frequency").get("work").asInt()).isEqualTo(2);
  }

  @Test
  void exportsAsJsonCsvAndParquet() throws Exception {
    JsonNode json = ok("/api/v1/twins/" + TWIN + "/export?table=twin_state");
    assertThat(json.get("rows")).hasSize(3);
    HttpResponse<String> csv = api.get("/api/v1/twins/" + TWIN + "/export?format=csv&" + window(1), admin);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("event_id,twin_id,ts,heart_rate");
    assertThat(lines).hasSize(3);
    HttpResponse<byte[]> parquet =
        TestApi.HTTP.send(
            api.request("/api/v1/twins/" + TWIN + "/export?format=parquet&table=anomalies", admin).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(parquet.statusCode()).isEqualTo(200);
    byte[] bytes = parquet.body();
    assertThat(new String(bytes, 0, 4)).isEqualTo("PAR1");
    assertThat(new String(bytes, bytes.length - 4, 4)).isEqualTo("PAR1");
    assertError(api.get("/api/v1/twins/" + TWIN + "/export?table=users", admin), 400, "bad_request");
    assertError(api.get("/api/v1/twins/" + TWIN + "/export?format=xml", admin), 400, "bad_request");
  }
}
