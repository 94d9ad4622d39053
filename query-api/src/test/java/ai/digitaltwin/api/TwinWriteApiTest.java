package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, editing and deleting twins: registry events on the real broker, visible at once to the writer. */
class TwinWriteApiTest {
  @TempDir static Path dir;
  static TestApi api;
  static String olga;
  static String pete;
  static String analyst;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start(dir, TestApi.catalog(dir), Map.of());
    olga = api.userToken("olga");
    pete = api.userToken("pete");
    analyst = api.tokenWithRole("anna", "analyst");
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static Map<String, Object> twin(String name, double openness) {
    Map<String, Object> profile = new HashMap<>();
    profile.put("name", name);
    profile.put("age", 41);
    profile.put("sex", "female");
    profile.put("occupation", "nurse");
    profile.put("interests", List.of("running", "chess"));
    profile.put("timezone", "Europe/Paris");
    Map<String, Object> personality = new HashMap<>();
    personality.put("openness", openness);
    personality.put("conscientiousness", 0.7);
    personality.put("extraversion", 0.4);
    personality.put("agreeableness", 0.8);
    personality.put("neuroticism", 0.3);
    Map<String, Object> body = new HashMap<>();
    body.put("profile", profile);
    body.put("personality", personality);
    return body;
  }

  static String create(String token, String name) throws Exception {
    return create(api, token, name);
  }

  static String create(TestApi api, String token, String name) throws Exception {
    HttpResponse<String> response = api.post("/api/v1/twins", token, twin(name, 0.6));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return TestApi.json(response).get("twin_id").asText();
  }

  @Test
  void aCreatedTwinIsARegistryEventAndVisibleToItsCreatorAtOnce() throws Exception {
    HttpResponse<String> created = api.post("/api/v1/twins", olga, twin("Olga", 0.6));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = TestApi.json(created);
    String id = body.get("twin_id").asText();
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/twins/" + id);
    assertThat(body.get("owner").asText()).isEqualTo("olga");
    assertThat(body.get("profile").get("interests")).hasSize(2);

    JsonNode fetched = TestApi.json(api.get("/api/v1/twins/" + id, olga));
    assertThat(fetched.get("profile").get("name").asText()).isEqualTo("Olga");
    assertThat(fetched.get("personality").get("openness").asDouble()).isEqualTo(0.6);
    JsonNode list = TestApi.json(api.get("/api/v1/twins?q=olg", olga));
    assertThat(list.get("items")).extracting(n -> n.get("twin_id").asText()).contains(id);

    List<TwinRegistryEvent> events =
        TopicReader.await(Topics.REGISTRY, e -> e.getTwinId().equals(id), 1);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getAction()).isEqualTo("created");
    assertThat(events.get(0).getOwner()).isEqualTo("olga");
    assertThat(events.get(0).getProfile().getTimezone()).isEqualTo("Europe/Paris");
    assertThat(events.get(0).getPersonality().getNeuroticism()).isEqualTo(0.3);
    assertThat(events.get(0).getSeed()).isNotNull();
  }

  @Test
  void anotherUsersTwinIsRefusedButAnAnalystMayReadIt() throws Exception {
    String id = create(olga, "Private Olga");
    assertError(api.get("/api/v1/twins/" + id, pete), 403, "forbidden");
    assertError(api.get("/api/v1/twins/" + id + "/health", pete), 403, "forbidden");
    assertError(api.send("PUT", "/api/v1/twins/" + id, pete, twin("Taken", 0.1)), 403, "forbidden");
    assertError(api.send("DELETE", "/api/v1/twins/" + id, pete, null), 403, "forbidden");
    assertThat(TestApi.json(api.get("/api/v1/twins", pete)).get("items").toString()).doesNotContain(id);
    assertError(api.get("/api/v1/twins?owner=olga", pete), 403, "forbidden");

    assertThat(api.get("/api/v1/twins/" + id, analyst).statusCode()).isEqualTo(200);
    assertError(api.send("PATCH", "/api/v1/twins/" + id, analyst, Map.of("reason", "x")), 403, "forbidden");
    assertThat(TestApi.json(api.get("/api/v1/twins?owner=olga", analyst)).get("items").toString()).contains(id);
  }

  @Test
  void putAndPatchAreUpdateEventsAndKeepHistory() throws Exception {
    String id = create(olga, "Before");
    HttpResponse<String> put = api.send("PUT", "/api/v1/twins/" + id, olga, twin("After", 0.2));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(TestApi.json(put).get("profile").get("name").asText()).isEqualTo("After");

    HttpResponse<String> patched =
        api.send(
            "PATCH",
            "/api/v1/twins/" + id,
            olga,
            Map.of("personality", Map.of("neuroticism", 0.9), "reason", "stressful year"));
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode after = TestApi.json(api.get("/api/v1/twins/" + id, olga));
    assertThat(after.get("profile").get("name").asText()).isEqualTo("After");
    assertThat(after.get("personality").get("openness").asDouble()).isEqualTo(0.2);
    assertThat(after.get("personality").get("neuroticism").asDouble()).isEqualTo(0.9);

    List<TwinRegistryEvent> events = TopicReader.await(Topics.REGISTRY, e -> e.getTwinId().equals(id), 3);
    assertThat(events).extracting(TwinRegistryEvent::getAction).containsExactly("created", "updated", "updated");
    assertThat(events.get(2).getReason()).isEqualTo("stressful year");
    assertThat(events.get(2).getSeed()).isEqualTo(events.get(0).getSeed());
  }

  @Test
  void theBfi10AnswersSetTheBigFiveAsAnEditWithItsReason() throws Exception {
    String id = create(olga, "Questioned");
    JsonNode items = TestApi.json(api.get("/api/v1/questionnaires/bfi-10", olga));
    assertThat(items.get("items")).hasSize(10);
    assertThat(items.get("items").get(0).get("text").asText()).isEqualTo("is reserved");

    HttpResponse<String> answered = api.post("/api/v1/twins/" + id + "/personality/questionnaire", olga,
        Map.of("answers", List.of(1, 4, 2, 5, 1, 5, 2, 4, 1, 5)));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonNode scores = TestApi.json(answered).get("scores");
    assertThat(scores.get("extraversion").asDouble()).isEqualTo(1.0); // reserved 1 -> 5, outgoing 5
    assertThat(scores.get("neuroticism").asDouble()).isEqualTo(0.0); // relaxed 5 -> 1, nervous 1
    assertThat(scores.get("openness").asDouble()).isEqualTo(1.0); // few artistic interests 1 -> 5, imagination 5
    assertThat(scores.get("agreeableness").asDouble()).isEqualTo(0.75); // trusting 4, finds fault 2 -> 4
    assertThat(scores.get("conscientiousness").asDouble()).isEqualTo(0.75); // lazy 2 -> 4, thorough 4
    JsonNode after = TestApi.json(api.get("/api/v1/twins/" + id, olga));
    assertThat(after.get("personality").get("extraversion").asDouble()).isEqualTo(1.0);
    assertThat(after.get("profile").get("name").asText()).isEqualTo("Questioned");

    List<TwinRegistryEvent> events = TopicReader.await(Topics.REGISTRY, e -> e.getTwinId().equals(id), 2);
    assertThat(events.get(1).getReason()).isEqualTo("bfi-10");
    assertThat(events.get(1).getPersonality().getAgreeableness()).isEqualTo(0.75);

    assertError(api.post("/api/v1/twins/" + id + "/personality/questionnaire", olga, Map.of("answers", List.of(1, 2))),
        400, "bad_request");
    assertError(api.post("/api/v1/twins/" + id + "/personality/questionnaire", pete,
        Map.of("answers", List.of(1, 4, 2, 5, 1, 5, 2, 4, 1, 5))), 403, "forbidden");
  }

  @Test
  void deleteStopsTheTwinButKeepsItReadable() throws Exception {
    String id = create(olga, "Short Lived");
    assertThat(api.send("DELETE", "/api/v1/twins/" + id, olga, null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = api.get("/api/v1/twins/" + id, olga);
    assertError(gone, 404, "not_found");
    assertThat(TestApi.json(gone).get("message").asText())
        .isEqualTo("Twin " + id + " was deleted; its history stays readable (health, state, export)");
    assertThat(api.get("/api/v1/twins/" + id + "/health", olga).statusCode()).isEqualTo(200);
    assertThat(TestApi.json(api.get("/api/v1/twins", olga)).get("items").toString()).doesNotContain(id);
    assertError(api.send("PUT", "/api/v1/twins/" + id, olga, twin("Again", 0.5)), 409, "conflict");
    assertThat(TopicReader.await(Topics.REGISTRY, e -> e.getTwinId().equals(id) && e.getAction().equals("deleted"), 1))
        .hasSize(1);
  }

  @Test
  void invalidTwinsAreRefusedWithTheField() throws Exception {
    Map<String, Object> badTrait = twin("X", 1.5);
    assertField(api.post("/api/v1/twins", olga, badTrait), "personality.openness", "personality.openness must be in [0, 1], got 1.5");
    Map<String, Object> young = twin("X", 0.5);
    ((Map<String, Object>) young.get("profile")).put("age", 7);
    assertField(api.post("/api/v1/twins", olga, young), "profile.age", "profile.age must be in 16..100, got 7");
    Map<String, Object> zone = twin("X", 0.5);
    ((Map<String, Object>) zone.get("profile")).put("timezone", "Mars/Base");
    assertField(api.post("/api/v1/twins", olga, zone), "profile.timezone", null);
    Map<String, Object> sex = twin("X", 0.5);
    ((Map<String, Object>) sex.get("profile")).put("sex", "robot");
    assertField(api.post("/api/v1/twins", olga, sex), "profile.sex", null);
    Map<String, Object> missing = twin("X", 0.5);
    ((Map<String, Object>) missing.get("personality")).remove("agreeableness");
    assertField(api.post("/api/v1/twins", olga, missing), "personality.agreeableness", "personality.agreeableness is required");
    Map<String, Object> unknown = twin("X", 0.5);
    unknown.put("colour", "blue");
    assertField(api.post("/api/v1/twins", olga, unknown), "colour", "Unknown field: colour");
    Map<String, Object> mistyped = twin("X", 0.5);
    ((Map<String, Object>) mistyped.get("profile")).put("age", "old");
    assertField(api.post("/api/v1/twins", olga, mistyped), "profile.age", null);
    assertError(api.post("/api/v1/twins", olga, "[1,2"), 400, "bad_request");
    assertError(api.post("/api/v1/twins", olga, Map.of()), 400, "bad_request");
    String id = create(olga, "Patchable");
    assertField(
        api.send("PATCH", "/api/v1/twins/" + id, olga, Map.of("personality", Map.of("openness", -0.1))),
        "personality.openness",
        null);
  }

  /** The flat body of the system this API replaces: name and personality at the top level. */
  static Map<String, Object> flat(String name, Map<String, Object> more) {
    Map<String, Object> body = new HashMap<>(more);
    body.put("name", name);
    body.put("personality", twin(name, 0.6).get("personality"));
    return body;
  }

  @Test
  void theFlatShapeCreatesATwinWithDocumentedDefaults() throws Exception {
    HttpResponse<String> created = api.post("/api/v1/twins", olga, flat("My Twin", Map.of()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = TestApi.json(created);
    String id = body.get("twin_id").asText();
    assertThat(body.get("profile").get("name").asText()).isEqualTo("My Twin");
    assertThat(body.get("personality").get("openness").asDouble()).isEqualTo(0.6);
    TwinRegistryEvent event = TopicReader.await(Topics.REGISTRY, e -> e.getTwinId().equals(id), 1).get(0);
    assertThat(event.getProfile().getAge()).isEqualTo(35);
    assertThat(event.getProfile().getSex()).isEqualTo("other");
    assertThat(event.getProfile().getOccupation()).isEqualTo("Unspecified");
    assertThat(event.getProfile().getTimezone()).isEqualTo("UTC");

    HttpResponse<String> full = api.post("/api/v1/twins", olga,
        flat("Flat Fran", Map.of("age", 52, "sex", "female", "occupation", "Teacher", "timezone", "Europe/Oslo")));
    assertThat(full.statusCode()).as(full.body()).isEqualTo(201);
    assertThat(TestApi.json(full).get("profile").get("occupation").asText()).isEqualTo("Teacher");
    assertThat(TestApi.json(full).get("profile").get("age").asInt()).isEqualTo(52);

    // a flat field edits the profile in a PATCH too
    HttpResponse<String> renamed = api.send("PATCH", "/api/v1/twins/" + id, olga, Map.of("name", "Renamed"));
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(TestApi.json(renamed).get("profile").get("name").asText()).isEqualTo("Renamed");
    assertThat(TestApi.json(renamed).get("profile").get("occupation").asText()).isEqualTo("Unspecified");
  }

  @Test
  void aBadFlatBodyIsRefusedWithTheField() throws Exception {
    assertField(api.post("/api/v1/twins", olga, flat(" ", Map.of())), "profile.name", "profile.name is required");
    assertField(api.post("/api/v1/twins", olga, flat("Kid", Map.of("age", 9))), "profile.age", "profile.age must be in 16..100, got 9");
    Map<String, Object> noTraits = flat("No Traits", Map.of());
    noTraits.remove("personality");
    assertField(api.post("/api/v1/twins", olga, noTraits), "personality", "personality is required");
    Map<String, Object> both = twin("Nested", 0.5);
    both.put("name", "Flat");
    assertField(api.post("/api/v1/twins", olga, both), "profile",
        "Give the profile either as the object profile or as top-level fields (name, age, sex, occupation, interests, timezone), not both");
    assertField(api.post("/api/v1/twins", olga, flat("Typo", Map.of("nmae", "x"))), "nmae", "Unknown field: nmae");
  }

  static void assertField(HttpResponse<String> response, String field, String message) throws Exception {
    assertError(response, 400, "bad_request");
    JsonNode body = TestApi.json(response);
    assertThat(body.get("field").asText()).isEqualTo(field);
    if (message != null) {
      assertThat(body.get("message").asText()).isEqualTo(message);
    }
  }

  @Test
  void unknownTwinIs404() throws Exception {
    assertError(api.get("/api/v1/twins/twin-nope", olga), 404, "not_found");
    assertError(api.send("PATCH", "/api/v1/twins/twin-nope", olga, Map.of()), 404, "not_found");
  }
}
