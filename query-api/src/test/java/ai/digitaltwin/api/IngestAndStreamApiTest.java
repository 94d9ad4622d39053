package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readings posted as JSON or CSV reach the health topic; state and anomalies reach SSE clients. */
class IngestAndStreamApiTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir static Path dir;
  static TestApi api;
  static String owner;
  static String other;
  static String twin;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start(dir, TestApi.catalog(dir), Map.of());
    owner = api.userToken("wanda");
    other = api.userToken("xavier");
    twin = TwinWriteApiTest.create(api, owner, "Wanda");
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static HttpResponse<String> postEvents(String token, String contentType, String body) throws Exception {
    return TestApi.HTTP.send(
        api.request("/api/v1/twins/" + twin + "/events", token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> putImport(String token, String id) throws Exception {
    return TestApi.HTTP.send(
        api.request("/api/v1/twins/" + id + "/import", token).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> putImport(String token, String id, String body) throws Exception {
    return TestApi.HTTP.send(
        api.request("/api/v1/twins/" + id + "/import", token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anImportNamesTheTwinAndSetsItsZoneAndLeavesOutWhatARealPersonDidNotGive() throws Exception {
    HttpResponse<String> created = putImport(owner, "ada-lovelace", "{\"name\": \"Ada Lovelace\", \"timezone\": \"Pacific/Auckland\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode profile = TestApi.json(created).get("twin").get("profile");
    assertThat(profile.get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(profile.get("timezone").asText()).isEqualTo("Pacific/Auckland");
    assertThat(profile.get("age").isNull()).isTrue();
    assertThat(profile.get("occupation").isNull()).isTrue();

    // the same again changes nothing; another zone is an edit of the twin, the rest of its profile kept
    assertThat(putImport(owner, "ada-lovelace", "{\"name\": \"Ada Lovelace\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> moved = putImport(owner, "ada-lovelace", "{\"timezone\": \"Asia/Tokyo\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    JsonNode after = TestApi.json(api.get("/api/v1/twins/ada-lovelace", owner)).get("profile");
    assertThat(after.get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(after.get("timezone").asText()).isEqualTo("Asia/Tokyo");
    List<TwinRegistryEvent> events = TopicReader.await(Topics.REGISTRY, e -> e.getTwinId().equals("ada-lovelace"), 2);
    assertThat(events).extracting(TwinRegistryEvent::getAction).containsExactly("imported", "updated");
    assertThat(events.get(1).getProfile().getAge()).isNull();
    assertThat(events.get(1).getProfile().getTimezone()).isEqualTo("Asia/Tokyo");

    // the person's own answers still set the Big Five of a twin with no age, sex or occupation
    HttpResponse<String> answered = api.post("/api/v1/twins/ada-lovelace/personality/questionnaire", owner,
        Map.of("answers", List.of(1, 4, 2, 5, 1, 5, 2, 4, 1, 5)));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(TestApi.json(answered).get("twin").get("profile").get("timezone").asText()).isEqualTo("Asia/Tokyo");

    assertError(putImport(owner, "ada-2", "{\"timezone\": \"Mars/Olympus\"}"), 400, "bad_request");
    assertError(putImport(owner, "ada-2", "{\"age\": 30}"), 400, "bad_request");
  }

  @Test
  void anImportCreatesAnUnknownTwinMarkedAsImportedAndLeavesAnExistingOneAsItIs() throws Exception {
    HttpResponse<String> created = putImport(owner, "real-person-1");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = TestApi.json(created);
    assertThat(body.get("created").asBoolean()).isTrue();
    assertThat(body.get("twin").get("owner").asText()).isEqualTo("wanda");
    // no name given: the twin is named by its id, in UTC until the person says otherwise
    assertThat(body.get("twin").get("profile").get("name").asText()).isEqualTo("real-person-1");
    assertThat(body.get("twin").get("profile").get("timezone").asText()).isEqualTo("UTC");

    HttpResponse<String> again = putImport(owner, "real-person-1");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(TestApi.json(again).get("created").asBoolean()).isFalse();
    HttpResponse<String> existing = putImport(owner, twin);
    assertThat(existing.statusCode()).as(existing.body()).isEqualTo(200);
    HttpResponse<String> foreign = putImport(other, "real-person-1");
    assertError(foreign, 403, "forbidden");
    assertThat(TestApi.json(foreign).get("message").asText()).isEqualTo("Twin real-person-1 belongs to another user");
  }

  static HttpResponse<String> upload(String token, String id, String fileName, String content) throws Exception {
    return TestApi.HTTP.send(
        api.request("/api/v1/twins/" + id + "/import?filename=" + fileName, token)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofString(content))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUploadedExportIsReadByTheImportersParsersInTheTwinsZone() throws Exception {
    assertThat(putImport(owner, "uploaded-1", "{\"timezone\": \"Asia/Tokyo\"}").statusCode()).isEqualTo(201);
    String csv = "timestamp,metric,value\n"
        + "2021-05-01 08:00:00,heart_rate,61\n"
        + "2021-05-01 08:01:00,heart_rate,400\n"
        + "2021-05-01 08:02:00,steps,30\n";

    HttpResponse<String> response = upload(owner, "uploaded-1", "readings.csv", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode summary = TestApi.json(response);
    assertThat(summary.get("records").asLong()).isEqualTo(2);
    assertThat(summary.get("skipped").toString()).isEqualTo("{\"heart_rate out of range 20..250\":1}");
    // naive local times, read in the twin's zone: 08:00 in Tokyo
    assertThat(summary.get("from").asText()).isEqualTo("2021-04-30T23:00:00Z");
    assertThat(summary.get("to").asText()).isEqualTo("2021-04-30T23:02:00Z");
    assertThat(summary.get("problems")).isEmpty();
    List<HealthEvent> sent = TopicReader.await(Topics.HEALTH, e -> e.getTwinId().equals("uploaded-1"), 2);
    assertThat(sent).extracting(HealthEvent::getSource).containsOnly("import");
    assertThat(sent.get(0).getHeartRate()).isEqualTo(61.0);
    assertThat(sent.get(1).getSteps()).isEqualTo(30);

    HttpResponse<String> unknown = upload(owner, "uploaded-1", "notes.csv", "colour,size\nred,3\n");
    assertError(unknown, 400, "bad_request");
    assertThat(TestApi.json(unknown).get("message").asText()).startsWith("notes.csv: format not recognised (known: ");
    assertError(upload(other, "uploaded-1", "readings.csv", csv), 403, "forbidden");
    assertError(upload(owner, "uploaded-1", "readings.csv", ""), 400, "bad_request");
    // names no file may have: refused as a bad request, never a server error
    for (String name : new String[] {"%00", "readings%00.csv", "%2F", "a%2F..%2F", "..", "a%5C"}) {
      assertError(upload(owner, "uploaded-1", name, csv), 400, "bad_request");
    }
  }

  @Test
  void jsonReadingsAreValidatedAndValidOnesProducedAsHealthEvents() throws Exception {
    String body =
        "{\"readings\": ["
            + "{\"event_id\": \"w-1\", \"ts\": \"" + T0 + "\", \"heart_rate\": 72, \"spo2\": 98, \"steps\": 12},"
            + "{\"event_id\": \"w-2\", \"ts\": \"" + T0.plusSeconds(60) + "\", \"heart_rate\": 400},"
            + "{\"event_id\": \"w-3\", \"ts\": " + T0.plusSeconds(120).toEpochMilli() + ", \"stress\": 0.4},"
            + "{\"ts\": \"" + T0 + "\", \"colour\": \"red\", \"heart_rate\": 70},"
            + "{\"heart_rate\": 70}"
            + "]}";
    HttpResponse<String> response = postEvents(owner, "application/json", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode result = TestApi.json(response);
    assertThat(result.get("accepted").asInt()).isEqualTo(2);
    assertThat(result.get("rejected")).hasSize(3);
    assertThat(result.get("rejected").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(result.get("rejected").get(0).get("field").asText()).isEqualTo("heart_rate");
    assertThat(result.get("rejected").get(0).get("message").asText()).isEqualTo("heart_rate must be in 20..250, got 400");
    assertThat(result.get("rejected").get(1).get("message").asText()).isEqualTo("Unknown field: colour");
    assertThat(result.get("rejected").get(2).get("field").asText()).isEqualTo("ts");

    List<HealthEvent> sent =
        TopicReader.await(Topics.HEALTH, e -> e.getEventId().startsWith("w-") && e.getTwinId().equals(twin), 2);
    assertThat(sent).extracting(HealthEvent::getEventId).containsExactly("w-1", "w-3");
    assertThat(sent.get(0).getHeartRate()).isEqualTo(72.0);
    assertThat(sent.get(0).getSource()).isEqualTo("wearable");
    assertThat(sent.get(1).getTs()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void csvReadingsAreImported() throws Exception {
    String csv =
        "event_id,ts,heart_rate,systolic_bp,steps\r\n"
            + "c-1," + T0 + ",61,118,5\r\n"
            + "c-2," + T0.plusSeconds(60) + ",,119,\r\n"
            + "c-3," + T0.plusSeconds(120) + ",abc,119,0\r\n";
    HttpResponse<String> response = postEvents(owner, "text/csv", csv);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(TestApi.json(response).get("accepted").asInt()).isEqualTo(2);
    assertThat(TestApi.json(response).get("rejected").get(0).get("message").asText())
        .isEqualTo("heart_rate must be a number, got 'abc'");
    List<HealthEvent> sent = TopicReader.await(Topics.HEALTH, e -> e.getEventId().startsWith("c-"), 2);
    assertThat(sent).extracting(HealthEvent::getSource).containsOnly("import");
    assertThat(sent.get(1).getHeartRate()).isNull();
  }

  @Test
  void badBatchesAreRefusedWhole() throws Exception {
    assertError(postEvents(owner, "application/json", "[{\"heart_rate\": 999, \"ts\": \"" + T0 + "\"}]"), 400, "bad_request");
    assertError(postEvents(owner, "application/json", "{\"readings\": 5}"), 400, "bad_request");
    assertError(postEvents(owner, "application/xml", "<r/>"), 400, "bad_request");
    assertError(postEvents(other, "application/json", "[]"), 403, "forbidden");
    StringBuilder many = new StringBuilder("ts,heart_rate\n");
    for (int i = 0; i < 10_001; i++) {
      many.append(T0).append(",60\n");
    }
    assertError(postEvents(owner, "text/csv", many.toString()), 413, "payload_too_large");
  }

  @Test
  void aBodyAboveTheLimitIs413() throws Exception {
    String huge = "[" + ("{\"ts\":\"" + T0 + "\",\"heart_rate\":60},").repeat(300_000) + "{}]";
    // again and again: the server answers before the body is sent, and the 413 must reach the client every time
    for (int i = 0; i < 20; i++) {
      assertError(postEvents(owner, "application/json", huge), 413, "payload_too_large");
    }
  }

  @Test
  void stateAndAnomaliesOfTheTwinArriveAsServerSentEvents() throws Exception {
    assertError(api.get("/api/v1/twins/" + twin + "/stream", other), 403, "forbidden");
    HttpResponse<Stream<String>> response =
        TestApi.HTTP.send(
            api.request("/api/v1/twins/" + twin + "/stream", null)
                .uri(java.net.URI.create(api.base + "/api/v1/twins/" + twin + "/stream?access_token=" + owner))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Iterator<String> lines = response.body().iterator();
    assertThat(lines.next()).isEqualTo(": connected");

    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      TwinState other = TwinState.newBuilder().setEventId("s-x").setTwinId("twin-other").setTs(T0).setReadings(1).build();
      TwinState state = TwinState.newBuilder().setEventId("s-1").setTwinId(twin).setTs(T0).setReadings(7).setHeartRate(88.0).build();
      Anomaly anomaly =
          Anomaly.newBuilder().setEventId("a-1").setTwinId(twin).setTs(T0).setType("tachycardia").setLayer("clinical")
              .setSeverity("high").setScore(2.0).setStartTs(T0).setEvidence("{}").setDetectorVersion("1").build();
      producer.send(new ProducerRecord<>(Topics.STATE.name(), key("twin-other"), Topics.STATE.codec().encode(other)));
      producer.send(new ProducerRecord<>(Topics.STATE.name(), key(twin), Topics.STATE.codec().encode(state)));
      producer.send(new ProducerRecord<>(Topics.ANOMALIES.name(), key(twin), Topics.ANOMALIES.codec().encode(anomaly)))
          .get(10, TimeUnit.SECONDS);
    }
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !(seen.toString().contains("88.0") && seen.toString().contains("tachycardia"))) {
      seen.append(lines.next()).append('\n');
    }
    assertThat(seen.toString()).contains("event: state").contains("\"heart_rate\":88.0").contains("event: anomaly")
        .contains("\"type\":\"tachycardia\"").doesNotContain("twin-other");
    response.body().close();
  }

  static byte[] key(String twinId) {
    return twinId.getBytes(StandardCharsets.UTF_8);
  }
}
