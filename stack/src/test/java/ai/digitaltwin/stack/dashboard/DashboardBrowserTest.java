package ai.digitaltwin.stack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser against the real stack (one start for every test, in order: the
 * later tests use the session the first one signs in). Charts are checked through their ECharts
 * instances' data against the API's own answers, not only through the DOM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TWIN = "demo-001";

  @TempDir static Path dir; // the stack's data and the browser profile, removed after the class
  private DashboardStack stack;
  private Browser browser;
  private TwinCharts charts;

  @BeforeAll
  void start() throws Exception {
    stack = DashboardStack.start(dir);
    browser = new Browser(stack.base, dir.resolve("chromium-profile"));
    charts = new TwinCharts(browser, stack);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * Right after the stack is healthy, before the stream job's first state: every twin answer and the
   * pages built from them hold values or say "warming up", never null. Signs in through the form and
   * signs out again, so that the next test starts at the login form.
   */
  @Test
  @Order(0)
  void theFirstSecondsAfterHealthyShowWarmingUpOrValuesNeverNull() throws Exception {
    DashboardStack.await(WAIT, () -> stack.twinStatus(TWIN) != null, "the twin in the registry");
    JsonNode list = stack.get("/api/v1/twins?limit=200");
    assertThat(list.get("items")).isNotEmpty().allSatisfy(t -> assertThat(t.get("status").isTextual()).as(t.toString()).isTrue());
    JsonNode twin = stack.get("/api/v1/twins/" + TWIN);
    assertThat(twin.get("state").isObject()).as(twin.toString()).isTrue();
    if (twin.get("status").asText().equals("warming_up")) {
      assertThat(twin.get("state").get("status").asText()).isEqualTo("warming_up");
    }
    browser.open("#/twins");
    browser.waitFor("document.querySelector('#login-form')", WAIT, "the login form");
    browser.find("#login-username").sendKeys("admin");
    browser.find("#login-password").sendKeys(DashboardStack.ADMIN_PASSWORD);
    browser.find("#login-submit").click();
    browser.waitFor("document.querySelector('#twin-table[data-ready]')", WAIT, "the twin list");
    assertThat(browser.find("#twin-rows").getText()).doesNotContain("null").doesNotContain("undefined");

    String before = stack.twinStatus(TWIN);
    browser.open("#/twins/" + TWIN);
    browser.waitFor("document.querySelector('#twin-status [data-status]') && document.querySelector('#twin-kpi-confidence')",
        WAIT, "the twin's header");
    // one read of the header: a live state redraws it
    List<?> seen = (List<?>) browser.js("const b = document.querySelector('#twin-status [data-status]');"
        + " return [b.dataset.status, document.getElementById('twin-status').textContent,"
        + " document.getElementById('twin-header').innerText,"
        + " document.querySelector('#twin-kpi-confidence .value').textContent];");
    String after = stack.twinStatus(TWIN);
    assertThat(seen.get(0)).isIn(before, after);
    assertThat(seen.get(2)).asString().doesNotContain("null").doesNotContain("undefined").doesNotContain("NaN");
    // the header draws status and confidence from one state: the one the page showed, which may be
    // either side of the first state arriving between the two API reads
    if (seen.get(0).equals("warming_up")) {
      assertThat(seen.get(1)).isEqualTo("warming up");
      assertThat(seen.get(3)).isEqualTo("warming up");
    } else {
      assertThat(seen.get(3)).asString().endsWith("%");
    }
    browser.screenshot("00-first-seconds");
    assertThat(browser.takeConsoleErrors()).isEmpty();
    // leave the twin page (its live view closes) before logging out, so nothing asks without a token
    browser.open("#/twins");
    browser.waitFor("document.querySelector('#twin-table[data-ready]')", WAIT, "the twin list");
    browser.find("#logout").click();
    browser.waitFor("document.querySelector('#login-form')", WAIT, "the login form after logging out");
    assertThat(browser.takeConsoleErrors()).isEmpty();
    stack.awaitData();
  }

  @Test
  @Order(1)
  void signsInAndListsTheTwins() throws Exception {
    stack.awaitData();
    browser.open("#/twins");
    browser.waitFor("document.querySelector('#login-form')", WAIT, "the login form");
    browser.screenshot("01-login");
    browser.find("#login-username").sendKeys("admin");
    browser.find("#login-password").sendKeys("wrong-password");
    browser.find("#login-submit").click();
    browser.waitFor("document.querySelector('#login-error').textContent.length > 0", WAIT, "a login error");
    assertThat(browser.find("#login-error").getText()).isEqualTo("Wrong username or password");
    // the browser logs every 4xx answer; this one was provoked, and is the only error so far
    assertThat(browser.takeConsoleErrors())
        .singleElement()
        .asString()
        .contains("/api/v1/auth/login")
        .contains("401");

    browser.find("#login-password").clear();
    browser.find("#login-password").sendKeys(DashboardStack.ADMIN_PASSWORD);
    browser.find("#login-submit").click();
    browser.waitFor("document.querySelector('#twin-table[data-ready]')", WAIT, "the twin list");
    assertThat(browser.js("return JSON.parse(sessionStorage.getItem('twin.session')).user.username")).isEqualTo("admin");

    JsonNode api = stack.get("/api/v1/twins?limit=200");
    List<String> expected = new ArrayList<>();
    api.get("items").forEach(t -> expected.add(t.get("twin_id").asText()));
    assertThat(expected).contains("demo-001", "demo-002", "demo-003");
    assertThat(browser.js("return [...document.querySelectorAll('#twin-rows tr')].map(r => r.dataset.twin)"))
        .isEqualTo(expected);
    assertThat(browser.find("#twin-count").getText()).isEqualTo(api.get("total").asInt() + " twins");

    browser.find("#twin-search").sendKeys("no such person");
    browser.waitFor("document.querySelectorAll('#twin-rows tr').length === 0", WAIT, "an empty search result");
    browser.find("#twin-search").clear();
    browser.find("#twin-search").sendKeys(" ");
    browser.waitFor("document.querySelectorAll('#twin-rows tr').length === " + expected.size(), WAIT, "every twin again");
    browser.screenshot("02-twins");
  }

  @Test
  @Order(2)
  void twinViewChartsShowTheApisNumbers() throws Exception {
    openTwin();
    Map<String, JsonNode> options = new HashMap<>();
    List<JsonNode> allPoints = new ArrayList<>();
    for (String id : List.of("chart-hr", "chart-bp", "chart-spo2", "chart-temp", "chart-resp", "chart-steps")) {
      options.put(id, chart(id));
      options.get(id).get("series").forEach(series -> series.get("data").forEach(allPoints::add));
    }
    Map<String, JsonNode> byTs = charts.readingsCovering(TWIN, allPoints);
    JsonNode option = options.get("chart-hr");
    JsonNode points = option.get("series").get(0).get("data");
    assertThat(points.size()).isGreaterThanOrEqualTo(100);
    for (JsonNode point : points) {
      JsonNode reading = byTs.get(point.get(0).asText());
      assertThat(reading).as("reading at %s", point.get(0).asText()).isNotNull();
      assertThat(point.get(1).asDouble()).isEqualTo(reading.get("heart_rate").asDouble());
    }
    assertThat(option.get("yAxis").get(0).get("name").asText()).isEqualTo("beats/min");
    assertThat(option.get("xAxis").get(0).get("name").asText()).isEqualTo("time (UTC)");

    JsonNode bp = options.get("chart-bp").get("series");
    assertThat(bp.get(0).get("name").asText()).isEqualTo("systolic");
    assertThat(bp.get(1).get("name").asText()).isEqualTo("diastolic");
    for (JsonNode point : bp.get(1).get("data")) {
      assertThat(point.get(1).asDouble()).isEqualTo(byTs.get(point.get(0).asText()).get("diastolic_bp").asDouble());
    }
    for (String[] vital : new String[][] {{"chart-spo2", "spo2", "SpO₂ %"}, {"chart-temp", "body_temp_c", "°C"},
        {"chart-resp", "resp_rate", "breaths/min"}, {"chart-steps", "steps", "steps/reading"}}) {
      JsonNode o = options.get(vital[0]);
      assertThat(o.get("yAxis").get(0).get("name").asText()).isEqualTo(vital[2]);
      JsonNode data = o.get("series").get(0).get("data");
      assertThat(data.size()).as(vital[0]).isGreaterThanOrEqualTo(100);
      for (JsonNode point : data) {
        assertThat(point.get(1).asDouble()).as(vital[0]).isEqualTo(byTs.get(point.get(0).asText()).get(vital[1]).asDouble());
      }
    }

    charts.assertTrendMatchesApi(TWIN);
    charts.assertDailyTrendMatchesApi(TWIN, WAIT);
    charts.assertSleepMatchesApi(TWIN);
    charts.assertAnomaliesMatchApi(TWIN);
    browser.screenshot("03-twin");
  }

  @Test
  @Order(3)
  void personalityEditIsSavedAndShownAfterReload() throws Exception {
    openTwin();
    setSlider("#trait-openness", "0.23");
    setSlider("#trait-neuroticism", "0.77");
    browser.find("#trait-reason").sendKeys("checked in the browser test");
    browser.find("#trait-save").click();
    browser.waitFor("document.querySelector('#trait-message').textContent === 'Saved'", WAIT, "the save to be confirmed");
    assertThat(browser.find("#trait-openness").getDomProperty("value")).isEqualTo("0.23");
    // the edit is a registry event: the twin shows it once the stream job has taken it into its state
    DashboardStack.await(Duration.ofSeconds(60), () -> {
      JsonNode personality = stack.get("/api/v1/twins/" + TWIN).get("personality");
      return personality.get("openness").asDouble() == 0.23 && personality.get("neuroticism").asDouble() == 0.77;
    }, "the twin's personality to be the edited one");

    browser.reload();
    browser.waitFor("document.querySelector('#trait-openness')", WAIT, "the editor after reload");
    assertThat(browser.find("#trait-openness").getDomProperty("value")).isEqualTo("0.23");
    assertThat(browser.find("#trait-neuroticism").getDomProperty("value")).isEqualTo("0.77");

    setSlider("#trait-openness", "1.5");
    assertThat(browser.find("#trait-openness").getDomProperty("value")).isEqualTo("1"); // the slider clamps

    // a real person's answers: the BFI-10 questionnaire is scored by the API and saved as the Big Five
    browser.find("#bfi summary").click();
    browser.waitFor("document.querySelectorAll('#bfi-form fieldset').length === 10", WAIT, "the ten BFI-10 items");
    int[] answers = {1, 4, 2, 5, 1, 5, 2, 4, 1, 5};
    for (int i = 0; i < answers.length; i++) {
      browser.find("input[name='bfi-" + (i + 1) + "'][value='" + answers[i] + "']").click();
    }
    browser.find("#bfi-submit").click();
    browser.waitFor("document.querySelector('#bfi-message').textContent.startsWith('Saved')", WAIT, "the answers to be scored");
    DashboardStack.await(Duration.ofSeconds(60), () -> {
      JsonNode personality = stack.get("/api/v1/twins/" + TWIN).get("personality");
      return personality.get("extraversion").asDouble() == 1.0 && personality.get("agreeableness").asDouble() == 0.75;
    }, "the twin's personality to be the questionnaire's");
  }

  @Test
  @Order(4)
  void chatRepliesWithEvidenceTheSqlEndpointConfirms() throws Exception {
    openTwin();
    ChatPanel chat = new ChatPanel(browser);
    // a closed day of the backfill: its rows cannot change between the reply and the check below
    ChatPanel.Reply reply = chat.ask("What was my average heart rate two days ago?", WAIT);
    assertThat(reply.intent()).isEqualTo("history");
    assertThat(chat.evidenceFolded(reply)).isTrue();
    List<ChatPanel.Query> evidence = chat.unfold(reply);
    browser.screenshot("04-chat-evidence");
    ChatPanel.Query query = evidence.get(0);
    assertThat(query.sql()).contains("twin_id = ?");
    assertThat(query.params().get(0).asText()).isEqualTo(TWIN);
    JsonNode api = stack.sql(EvidenceSql.inline(query.sql(), query.params()));
    List<String> columns = new ArrayList<>();
    api.get("columns").forEach(c -> columns.add(c.asText()));
    assertThat(query.columns()).isEqualTo(columns).contains("readings", "heart_rate_avg");
    assertThat(query.rows()).hasSize(api.get("rows").size()).hasSize(1);
    List<String> shown = query.rows().get(0);
    for (int i = 0; i < columns.size(); i++) {
      JsonNode cell = api.get("rows").get(0).get(i);
      if (cell.isNumber()) {
        assertThat(Double.parseDouble(shown.get(i))).as(columns.get(i)).isEqualTo(cell.asDouble());
      } else {
        assertThat(shown.get(i)).as(columns.get(i)).isEqualTo(cell.asText()); // a time, as the API writes it
      }
    }
    long readings = Long.parseLong(shown.get(columns.indexOf("readings")));
    assertThat(readings).isGreaterThan(0);
    // the figures in the sentence are the ones in the evidence
    assertThat(reply.text()).contains(shown.get(columns.indexOf("heart_rate_avg")), "over " + readings + " readings");
  }

  @Test
  @Order(5)
  void aLiveUpdateArrivesWithoutReload() {
    openTwin();
    browser.js("window.notReloaded = true");
    String lastTs = lastHrTs();
    browser.waitFor("Number(document.getElementById('live').dataset.events) > 0", Duration.ofSeconds(60), "a live event");
    browser.waitFor("(() => { const d = echarts.getInstanceByDom(document.getElementById('chart-hr')).getOption().series[0].data;"
        + " return d[d.length - 1][0] > '" + lastTs + "'; })()", Duration.ofSeconds(60), "a newer point on the heart rate chart");
    assertThat(browser.js("return window.notReloaded === true")).isEqualTo(true);
    String mode = browser.find("#live").getDomAttribute("data-mode");
    assertThat(mode).isEqualTo(stack.hasRoute("GET /api/v1/twins/{id}/stream") ? "live (SSE)" : "polling");
  }

  @Test
  @Order(6)
  void themePersistsAcrossReload() throws Exception {
    openTwin();
    assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo("light");
    browser.find("#theme-toggle").click();
    browser.waitFor("document.documentElement.dataset.theme === 'dark'", WAIT, "the dark theme");
    browser.reload();
    browser.waitFor("document.querySelector('#vitals[data-ready]')", WAIT, "the twin after reload");
    assertThat(browser.js("return document.documentElement.dataset.theme")).isEqualTo("dark");
    assertThat(browser.js("return localStorage.getItem('twin.theme')")).isEqualTo("dark");
    assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(15, 20, 27)");
    browser.screenshot("04-twin-dark");
    browser.find("#theme-toggle").click();
    browser.waitFor("document.documentElement.dataset.theme === 'light'", WAIT, "the light theme again");
  }

  @Test
  @Order(7)
  void timeTravelShowsTheTwinAsItWas() throws Exception {
    openTwin();
    String lastEvent = stack.get("/api/v1/twins/" + TWIN).get("last_event").asText();
    java.time.Instant last = java.time.Instant.parse(lastEvent);
    java.time.Instant asOf = last.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    // inside an anomaly episode when the backfill holds one: the status then must be the episode's
    boolean inEpisode = false;
    for (JsonNode a : stack.get("/api/v1/twins/" + TWIN + "/anomalies?limit=500&from=" + last.minus(Duration.ofDays(4))
        + "&to=" + last.plusSeconds(1)).get("items")) {
      java.time.Instant start = java.time.Instant.parse(a.get("start_ts").asText());
      java.time.Instant end = a.get("end_ts").isNull() ? last : java.time.Instant.parse(a.get("end_ts").asText());
      java.time.Instant candidate = start.plus(Duration.ofMinutes(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      if (Duration.between(start, end).compareTo(Duration.ofMinutes(4)) > 0
          && stack.get("/api/v1/twins/" + TWIN + "/state?as_of=" + candidate).get("state").isObject()) {
        asOf = candidate;
        inEpisode = true;
        break;
      }
    }
    // the status of that instant as history knows it just before the page asks, and just after: the live
    // stack keeps committing (an episode's rows, a compaction), and the page's answer lies between the two
    String statusBefore = stack.get("/api/v1/twins/" + TWIN + "/state?as_of=" + asOf).get("status").asText();
    browser.js("const i = document.getElementById('asof-input'); i.value = arguments[0];", asOf.toString().substring(0, 16));
    browser.find("#asof-go").click();
    browser.waitFor("document.querySelector('#asof-table') && document.querySelector('#asof-banner')", WAIT, "the twin as of then");
    JsonNode api = stack.get("/api/v1/twins/" + TWIN + "/state?as_of=" + asOf);
    assertThat(browser.find("#asof-table").getDomAttribute("data-as-of")).isEqualTo(api.get("as_of").asText());
    String stateTs = api.get("state").get("ts").asText();
    assertThat(java.time.Instant.parse(stateTs)).isBeforeOrEqualTo(asOf);
    assertThat(browser.find("#asof-table").getText()).contains(stateTs.replace("T", " ").replace("Z", "").substring(0, 19) + " UTC");
    // every card follows the instant: the status then, the last reading by then
    String status = api.get("status").asText();
    if (inEpisode) {
      assertThat(api.get("open_anomalies")).isNotEmpty();
      assertThat(status).isEqualTo(api.get("open_anomalies").get(0).get("type").asText());
    }
    browser.waitFor("document.querySelector('#twin-status [data-status]')", WAIT, "the header as of then");
    String drawn = browser.find("#twin-status [data-status]").getDomAttribute("data-status");
    assertThat(browser.find("#asof-table").getText()).contains("status then " + drawn); // the page's own answer
    if (statusBefore.equals(status)) {
      assertThat(drawn).isEqualTo(status);
    } else { // history changed while the page asked: its answer is one of the two
      assertThat(drawn).isIn(statusBefore, status);
    }
    JsonNode reading = api.get("last_reading");
    assertThat(text("#twin-kpi-last-event .value"))
        .isEqualTo(reading.get("ts").asText().replace("T", " ").substring(0, 19) + " UTC");
    assertThat(text("#twin-kpi-last-event .sub")).startsWith("as of ");
    // the vitals are the last reading's (the state's where the reading has none: a sensor episode's
    // readings can be empty), mood and baseline confidence the state's of then
    JsonNode then = api.get("state");
    assertThat(text("#twin-kpi-heart-rate .value")).isEqualTo(fixed(vital(reading, then, "heart_rate"), 0) + " bpm");
    assertThat(text("#twin-kpi-spo2 .value")).isEqualTo(fixed(vital(reading, then, "spo2"), 1) + " %");
    assertThat(text("#twin-kpi-bp .value")).isEqualTo(fixed(vital(reading, then, "systolic_bp"), 0) + " mmHg");
    assertThat(text("#twin-kpi-mood .value")).isEqualTo(then.get("mood").asText());
    assertThat(text("#twin-kpi-confidence .value"))
        .isEqualTo(fixed(then.get("baseline_confidence").asDouble() * 100, 1) + " %");
    // every window now ends at the chosen instant
    browser.waitFor("document.querySelector('#trends[data-ready=\"true\"]')", WAIT, "the trends as of then");
    assertThat(dataset("#trends").get("to")).isEqualTo(asOf.plusMillis(1).toString());
    assertThat(browser.find("#trait-save").isEnabled()).isFalse();
    browser.screenshot("05-twin-as-of");
    browser.find("#asof-live").click();
    browser.waitFor("!document.querySelector('#asof-banner') && document.querySelector('#trait-save:enabled')", WAIT, "live again");
    assertThat(text("#twin-kpi-last-event .sub")).doesNotStartWith("as of ");
  }

  @Test
  @Order(8)
  void pipelineShowsMeasuredFigures() throws Exception {
    browser.open("#/pipeline");
    browser.waitFor("Number(document.querySelector('.page').dataset.polls) >= 2", WAIT, "two pipeline polls");
    browser.waitFor("echarts.getInstanceByDom(document.getElementById('chart-throughput')).getOption().series[0].data.length > 0",
        WAIT, "an events/s point");
    JsonNode api = stack.get("/api/v1/pipeline");
    double shown = chart("chart-throughput").get("series").get(0).get("data").get(0).get(1).asDouble();
    assertThat(shown).isPositive();
    // a rate per minute over minutes, counted from the events themselves: never zero while they flow
    JsonNode kafka = api.get("kafka");
    assertThat(kafka.get("events_per_minute").asDouble()).isPositive();
    assertThat(kafka.get("events_in_window").asLong()).isPositive();
    // one read of the card: the page redraws it every poll
    List<?> card = (List<?>) browser.js("const k = document.getElementById('kpi-events-per-minute');"
        + " return ['.label', '.value', '.sub'].map(c => k.querySelector(c).textContent);");
    assertThat(card.get(0)).asString().isEqualTo("Events/min into Kafka");
    assertThat(card.get(1)).asString().isNotEqualTo("0.0").isNotEqualTo("–");
    assertThat(card.get(2)).asString().contains("events in the last");
    JsonNode tables = api.get("iceberg").get("tables");
    List<String> names = new ArrayList<>();
    tables.forEach(t -> names.add(t.get("table").asText()));
    assertThat(browser.js("return [...document.querySelectorAll('#iceberg-table tbody tr td:first-child')].map(td => td.textContent)"))
        .isEqualTo(names);
    assertThat(api.get("flink").get("status").asText()).isEqualTo("up");
    assertThat(text("#kpi-checkpoint .value")).endsWith("ago");
    assertThat(text("#kpi-dead-letters .value")).isEqualTo(api.get("dead_letters").get("total").asText());
    JsonNode group = api.get("kafka").get("consumer_groups").get(0);
    assertThat(group).isNotNull();
    assertThat(text("#kpi-baseline .sub"))
        .startsWith("mean of " + api.get("baseline_confidence").get("twins").asInt() + " twins");
    browser.screenshot("05-pipeline");
  }

  @Test
  @Order(9)
  void populationIsDrawnFromTheApi() throws Exception {
    browser.open("#/population");
    browser.waitFor("document.querySelector('.page').dataset.ready === 'true'", WAIT, "the population view");
    new Select(browser.find("#axis-z")).selectByValue("openness");
    JsonNode api = stack.get("/api/v1/population");
    Map<String, JsonNode> byId = new HashMap<>();
    api.get("items").forEach(t -> byId.put(t.get("twin_id").asText(), t));
    JsonNode points = chart("chart-population").get("series").get(0).get("data");
    assertThat(points.size()).isEqualTo(byId.size());
    for (JsonNode p : points) {
      JsonNode twin = byId.get(p.get("twin").asText());
      assertThat(p.get("raw").get(0).asDouble()).isEqualTo(twin.get("extraversion").asDouble());
      assertThat(p.get("raw").get(1).asDouble()).isEqualTo(twin.get("neuroticism").asDouble());
      assertThat(p.get("raw").get(2).asDouble()).isEqualTo(twin.get("openness").asDouble());
    }
    browser.screenshot("06-population");
    String before = points.get(0).get("value").toString();
    browser.js("const y = document.getElementById('rot-yaw'); y.value = '-120'; y.dispatchEvent(new Event('input'));");
    String after = chart("chart-population").get("series").get(0).get("data").get(0).get("value").toString();
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  @Order(10)
  void createsATwinFromTheList() throws Exception {
    browser.open("#/twins");
    browser.waitFor("document.querySelector('#twin-table[data-ready]')", WAIT, "the twin list");
    browser.find("#create-twin summary").click();
    browser.find("#new-name").sendKeys("Ada Browser");
    browser.find("#new-occupation").sendKeys("Nurse");
    browser.find("#new-age").clear();
    browser.find("#new-age").sendKeys("12");
    browser.find("#create-twin button[type=submit]").click();
    browser.waitFor("document.querySelector('#new-message').textContent.length > 0", WAIT, "the age to be refused");
    assertThat(browser.find("#new-message").getText()).isEqualTo("Age must be a whole number from 16 to 100");
    browser.find("#new-age").clear();
    browser.find("#new-age").sendKeys("41");
    setSlider("#new-extraversion", "0.81");
    browser.find("#create-twin button[type=submit]").click();
    browser.waitFor("location.hash.startsWith('#/twins/') && document.querySelector('#twin-name')", WAIT, "the new twin's page");
    assertThat(browser.find("#twin-name").getText()).isEqualTo("Ada Browser");
    String id = ((String) browser.js("return location.hash")).substring("#/twins/".length());
    JsonNode twin = stack.get("/api/v1/twins/" + id);
    assertThat(twin.get("profile").get("occupation").asText()).isEqualTo("Nurse");
    assertThat(twin.get("personality").get("extraversion").asDouble()).isEqualTo(0.81);
  }

  @Test
  @Order(11)
  void importsAWearableExportIntoARealPersonsTwin() throws Exception {
    // a real person's twin as ./twin import makes it, in a zone far from UTC; the file: the first rows of a
    // vendored Stanford heart-rate recording, as published (naive local times, read in the twin's zone)
    stack.put("/api/v1/twins/stanford-browser/import", Map.of("name", "Stanford A4G0044", "timezone", "America/Los_Angeles"));
    Path export = dir.resolve("A4G0044_hr-240.csv");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Path.of("..", "samples", "real-wearables", "A4G0044_hr.csv.gz"))), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i <= 240; i++) {
        lines.add(in.readLine());
      }
      Files.write(export, lines);
    }
    browser.open("#/twins/stanford-browser");
    browser.waitFor("document.querySelector('#import-data summary') && document.querySelector('#twin-name')", WAIT, "the twin page");
    assertThat(text("#twin-name")).isEqualTo("Stanford A4G0044");
    browser.find("#import-data summary").click();
    browser.find("#import-file").sendKeys(export.toAbsolutePath().toString());
    browser.find("#import-submit").click();
    browser.waitFor("document.querySelector('#import-result')", WAIT, "the import's summary");
    assertThat(text("#import-message")).startsWith("Imported 240 readings");
    assertThat(text("#import-result [data-key=records]")).isEqualTo("240");
    assertThat(text("#import-result [data-key=skipped]")).isEqualTo("none");
    assertThat(text("#import-result [data-key=from]")).isNotEqualTo("–");
    assertThat((Boolean) browser.js("return document.querySelector('#import-progress').hidden")).isTrue();
    // in history: 00:00 in Los Angeles is 08:00 UTC
    String count = "SELECT count(*), min(ts) FROM health_events WHERE twin_id = 'stanford-browser'";
    DashboardStack.await(Duration.ofSeconds(120), () -> stack.sql(count).get("rows").get(0).get(0).asLong() == 240,
        "the imported readings in history");
    assertThat(stack.sql(count).get("rows").get(0).get(1).asText()).startsWith("2020-12-08T08:00:00");

    // the same file again adds nothing, and the summary says why
    browser.find("#import-submit").click();
    browser.waitFor("document.querySelector('#import-message').textContent.startsWith('Imported 0')", WAIT, "the second import");
    assertThat(text("#import-result tr.skipped")).isEqualTo("Skipped: already imported\t240");
    // (a file of no known format is the API test's: its 400 would be a console error here)
  }

  @Test
  @Order(12)
  void usableAt375PixelsWide() throws Exception {
    browser.width(375, 812);
    try {
      for (String[] view : new String[][] {{"#/twins", "#twin-table[data-ready]", "07-twins-375"},
          {"#/twins/" + TWIN, "#vitals[data-ready]", "08-twin-375"}, {"#/pipeline", ".page[data-ready]", "09-pipeline-375"}}) {
        browser.open(view[0]);
        browser.waitFor("document.querySelector('" + view[1] + "')", WAIT, view[0] + " at 375 px");
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
            .as("page width of %s (no horizontal scrolling)", view[0])
            .isLessThanOrEqualTo((Long) browser.js("return document.documentElement.clientWidth"));
        browser.screenshotTiles(view[2], 1400);
      }
    } finally {
      browser.width(1280, 900);
    }
  }

  @Test
  @Order(13)
  void noConsoleErrorAndNoRequestLeavesLocalhost() {
    browser.open("#/twins");
    browser.waitFor("document.querySelector('#twin-table[data-ready]')", WAIT, "the twin list");
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(browser.remoteRequests()).isEmpty();
    assertThat(stack.base).startsWith("http://127.0.0.1:");
  }

  /** A reading's value of {@code field}, or the state's when the reading has none. */
  private static double vital(JsonNode reading, JsonNode state, String field) {
    JsonNode value = reading.get(field);
    return (value == null || value.isNull() ? state.get(field) : value).asDouble();
  }

  /** A positive number as JavaScript's {@code toFixed(digits)} writes it: the nearest, a tie upwards. */
  private static String fixed(double value, int digits) {
    return new java.math.BigDecimal(value).setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** An element's rendered text, read in one call: the live header redraws its cards while it is read. */
  private String text(String css) {
    Object text = browser.js("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
    return text == null ? null : text.toString().trim();
  }

  private void openTwin() {
    browser.open("#/twins/" + TWIN);
    browser.waitFor("document.querySelector('.page[data-ready]') && document.querySelector('#vitals[data-ready]')"
        + " && document.querySelector('#trends[data-ready=\"true\"]') && document.querySelector('#behavior[data-ready]')"
        + " && document.querySelector('#anomalies[data-ready]') && document.querySelector('#personality[data-ready]')",
        WAIT, "the twin view");
  }

  private String lastHrTs() {
    JsonNode data = chart("chart-hr").get("series").get(0).get("data");
    return data.get(data.size() - 1).get(0).asText();
  }

  private void setSlider(String css, String value) {
    browser.js("const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('input'));", css, value);
  }

  private JsonNode chart(String id) {
    return charts.chart(id);
  }

  private Map<String, String> dataset(String css) {
    return charts.dataset(css);
  }
}
