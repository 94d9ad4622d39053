package ai.digitaltwin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The twin endpoints over real Iceberg tables read by real DuckDB, through real HTTP. */
class TwinApiTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static TwinCatalog catalog;
  static TestApi api;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    catalog = TestApi.catalog(dir);
    TableWriter.append(
        catalog,
        Tables.TWIN_REGISTRY,
        List.of(
            registry("twin-a", "created", "Ada", T0.minusSeconds(3600), 0.8),
            registry("twin-b", "created", "Bo", T0.minusSeconds(3600), 0.3),
            registry("twin-a", "updated", "Ada L.", T0.minusSeconds(60), 0.9),
            registry("twin-c", "created", "Cy", T0.minusSeconds(3600), 0.5),
            registry("twin-c", "deleted", null, T0.minusSeconds(30), null)));
    List<Map<String, Object>> readings = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      readings.add(reading("twin-a", T0.plusSeconds(60L * i), 60.0 + i));
    }
    readings.add(reading("twin-b", T0, 120.0));
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, readings);
    api = TestApi.start(dir, catalog, Map.of());
    admin = api.adminToken();
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static Map<String, Object> registry(String twin, String action, String name, Instant at, Double extraversion) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", twin + "-" + action + "-" + at.toEpochMilli());
    row.put("twin_id", twin);
    row.put("ts", at);
    row.put("action", action);
    row.put("name", name);
    row.put("age", name == null ? null : 34);
    row.put("occupation", name == null ? null : "engineer");
    row.put("extraversion", extraversion);
    return row;
  }

  static Map<String, Object> reading(String twin, Instant at, double bpm) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", twin + "-" + at.toEpochMilli());
    row.put("twin_id", twin);
    row.put("ts", at);
    row.put("heart_rate", bpm);
    row.put("spo2", 97.0);
    row.put("steps", 10);
    row.put("stress", 0.2);
    row.put("energy", 0.7);
    row.put("source", "generator");
    return row;
  }

  static HttpResponse<String> get(String path) throws Exception {
    return api.get(path, admin);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void listsLiveTwinsWithTheirLatestProfile() throws Exception {
    HttpResponse<String> response = get("/api/v1/twins");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("total").asLong()).isEqualTo(2);
    assertThat(body.get("items")).hasSize(2);
    assertThat(body.get("items").get(0).get("twin_id").asText()).isEqualTo("twin-a");
    assertThat(body.get("items").get(0).get("name").asText()).isEqualTo("Ada L.");
    assertThat(body.get("items").get(1).get("twin_id").asText()).isEqualTo("twin-b");
  }

  @Test
  void pagesTheList() throws Exception {
    JsonNode body = json(get("/api/v1/twins?limit=1&offset=1"));
    assertThat(body.get("items")).hasSize(1);
    assertThat(body.get("items").get(0).get("twin_id").asText()).isEqualTo("twin-b");
    assertThat(body.get("total").asLong()).isEqualTo(2);
  }

  @Test
  void showsOneTwinWithPersonalityAndLastEvent() throws Exception {
    JsonNode body = json(get("/api/v1/twins/twin-a"));
    assertThat(body.get("profile").get("name").asText()).isEqualTo("Ada L.");
    assertThat(body.get("personality").get("extraversion").asDouble()).isEqualTo(0.9);
    assertThat(body.get("last_event").asText()).isEqualTo(T0.plusSeconds(60L * 29).toString());
  }

  @Test
  void beforeItsFirstStateATwinIsWarmingUpWithTheVitalsOfItsNewestReading() throws Exception {
    JsonNode a = json(get("/api/v1/twins/twin-a"));
    assertThat(a.get("status").asText()).isEqualTo("warming_up");
    JsonNode state = a.get("state");
    assertThat(state.get("status").asText()).isEqualTo("warming_up");
    assertThat(state.get("from").asText()).isEqualTo("readings");
    assertThat(state.get("ts").asText()).isEqualTo(T0.plusSeconds(60L * 29).toString());
    assertThat(state.get("heart_rate").asDouble()).isEqualTo(89.0);
    assertThat(a.get("personality_from").asText()).isEqualTo("registry");

    JsonNode list = json(get("/api/v1/twins"));
    assertThat(list.get("items")).extracting(t -> t.get("status").asText()).containsOnly("warming_up");
    // the last event is the newest reading's time
    assertThat(list.get("items")).extracting(t -> t.get("last_event").asText())
        .containsExactly(T0.plusSeconds(60L * 29).toString(), T0.toString());

    JsonNode personality = json(get("/api/v1/twins/twin-a/personality?from=" + T0.minusSeconds(7200) + "&to=" + T0.plusSeconds(7200)));
    assertThat(personality.get("status").asText()).isEqualTo("warming_up");
    assertThat(personality.get("current_from").asText()).isEqualTo("registry");
  }

  @Test
  void healthShowsNewestReadingsFirstAndTheStatusRules() throws Exception {
    JsonNode a = json(get("/api/v1/twins/twin-a/health?limit=3"));
    assertThat(a.get("readings")).hasSize(3);
    assertThat(a.get("current").get("heart_rate").asDouble()).isEqualTo(89.0);
    assertThat(a.get("readings").get(2).get("heart_rate").asDouble()).isEqualTo(87.0);
    assertThat(a.get("status").get(0).asText()).isEqualTo("normal");
    JsonNode b = json(get("/api/v1/twins/twin-b/health"));
    assertThat(b.get("status").get(0).asText()).isEqualTo("elevated_hr");
  }

  @Test
  void healthAsOfAnInstantShowsTheReadingsUpToIt() throws Exception {
    JsonNode a = json(get("/api/v1/twins/twin-a/health?limit=3&as_of=" + T0.plusSeconds(60L * 10 + 30)));
    assertThat(a.get("readings")).extracting(r -> r.get("heart_rate").asDouble()).containsExactly(70.0, 69.0, 68.0);
    assertThat(a.get("current").get("ts").asText()).isEqualTo(T0.plusSeconds(600).toString());
    // an instant on a reading includes it; before the first there is none
    assertThat(json(get("/api/v1/twins/twin-a/health?limit=1&as_of=" + T0.plusSeconds(600))).get("current").get("heart_rate").asDouble())
        .isEqualTo(70.0);
    JsonNode before = json(get("/api/v1/twins/twin-a/health?as_of=" + T0.minusSeconds(1)));
    assertThat(before.get("readings")).isEmpty();
    assertThat(before.get("status").get(0).asText()).isEqualTo("no_data");
    assertThat(get("/api/v1/twins/twin-a/health?as_of=yesterday").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownTwinIs404WithAJsonError() throws Exception {
    HttpResponse<String> response = get("/api/v1/twins/nobody");
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = json(response);
    assertThat(body.get("status").asInt()).isEqualTo(404);
    assertThat(body.get("error").asText()).isEqualTo("not_found");
    assertThat(body.get("message").asText()).isEqualTo("No such twin: nobody");
  }

  @Test
  void deletedTwinIsGoneFromTheListButItsHistoryStays() throws Exception {
    HttpResponse<String> response = get("/api/v1/twins/twin-c");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("not_found");
    assertThat(json(response).get("message").asText())
        .isEqualTo("Twin twin-c was deleted; its history stays readable (health, state, export)");
    assertThat(get("/api/v1/twins/twin-c/health").statusCode()).isEqualTo(200);
    assertThat(json(get("/api/v1/twins")).get("items").toString()).doesNotContain("twin-c");
  }

  @Test
  void aDemoTwinWithoutOwnerIsRefusedToAUserForWhatItIs() throws Exception {
    HttpResponse<String> response =
        TestApi.HTTP.send(api.request("/api/v1/twins/twin-a", api.userToken("una")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("message").asText())
        .isEqualTo("Twin twin-a is a demo twin: role user reads only its own twins; analysts and admins read every twin");
  }

  /**
   * Every route under {@code /twins/{id}}, as the server lists them, refuses alike: a malformed id, an
   * unknown twin, another's twin, a change by a role that may only read, a change to a deleted twin. The
   * routes that change a twin are all but GET, and but {@code PUT /import}, which creates an unknown twin.
   */
  @Test
  void everyTwinRouteRefusesWithTheSameErrors() throws Exception {
    String user = api.userToken("una");
    String analyst = api.tokenWithRole("ana", "analyst");
    List<String> routes = api.runtime.routes().stream().filter(r -> r.contains(" /api/v1/twins/{id}")).toList();
    assertThat(routes).hasSize(20);
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      boolean creates = route.equals("PUT /api/v1/twins/{id}/import");
      boolean changes = !method.equals("GET") && !creates;

      assertRefused(route, api.send(method, path.replace("{id}", "bad%20id!"), admin, null),
          400, "bad_request", "Twin id must be 1-64 letters, digits, '-' or '_'", "id");
      assertRefused(route, api.send(method, path.replace("{id}", "twin-a"), user, null), 403, "forbidden",
          "Twin twin-a is a demo twin: role user reads only its own twins; analysts and admins read every twin", null);
      if (!creates) {
        assertRefused(route, api.send(method, path.replace("{id}", "nobody"), admin, null),
            404, "not_found", "No such twin: nobody", null);
      }
      if (changes) {
        assertRefused(route, api.send(method, path.replace("{id}", "twin-a"), analyst, null),
            403, "forbidden", "Only the owner or an admin may change twin twin-a", null);
        assertRefused(route, api.send(method, path.replace("{id}", "twin-c"), admin, null),
            409, "conflict", "Twin twin-c is deleted", null);
      }
    }
  }

  private static void assertRefused(
      String route, HttpResponse<String> response, int status, String error, String message, String field)
      throws Exception {
    assertThat(response.statusCode()).as(route + ": " + response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("status").asInt()).as(route).isEqualTo(status);
    assertThat(body.get("error").asText()).as(route).isEqualTo(error);
    assertThat(body.get("message").asText()).as(route).isEqualTo(message);
    assertThat(body.hasNonNull("field") ? body.get("field").asText() : null).as(route).isEqualTo(field);
  }

  @Test
  void malformedInputIs400WithTheField() throws Exception {
    HttpResponse<String> badId = get("/api/v1/twins/bad%20id!");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(json(badId).get("field").asText()).isEqualTo("id");

    HttpResponse<String> badLimit = get("/api/v1/twins?limit=abc");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(json(badLimit).get("message").asText()).isEqualTo("limit must be an integer, got 'abc'");

    HttpResponse<String> outOfRange = get("/api/v1/twins/twin-a/health?limit=0");
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(json(outOfRange).get("field").asText()).isEqualTo("limit");
  }

  @Test
  void unknownRouteIs404Json() throws Exception {
    HttpResponse<String> response = get("/api/v1/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void aNewSnapshotIsVisibleWithinTwoSeconds() throws Exception {
    Instant later = T0.plusSeconds(7200);
    JsonNode before = json(get("/api/v1/twins/twin-b")); // the answer is now kept in memory
    assertThat(before.get("last_event").asText()).isNotEqualTo(later.toString());
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, List.of(reading("twin-b", later, 70.0)));
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    String seen = null;
    while (System.nanoTime() < deadline) {
      seen = json(get("/api/v1/twins/twin-b/health")).get("current").get("ts").asText();
      if (seen.equals(later.toString())) {
        break;
      }
    }
    assertThat(seen).isEqualTo(later.toString());
    // the view has the new snapshot, so the twin's answer in memory is stale and recomputed
    assertThat(json(get("/api/v1/twins/twin-b")).get("last_event").asText()).isEqualTo(later.toString());
  }
}
