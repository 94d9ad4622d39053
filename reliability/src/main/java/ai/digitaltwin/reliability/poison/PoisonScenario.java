package ai.digitaltwin.reliability.poison;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * About 1 % poison in every input topic, beside valid events of which a quarter (health and behaviour)
 * come from a producer on a newer schema: every valid event must land in its table, every bad record must
 * be in dead_letters with the reason it was bad, and the job must keep running without a restart.
 *
 * <p>The v2 writer schema is registered with the codec the job decodes with (in this JVM, where the
 * embedded job runs) before the v2 producer starts: the rollout order a schema change needs, since a
 * message carries only its schema's fingerprint.
 */
public final class PoisonScenario implements Scenario {
  private static final List<Topic<?>> EVOLVED = List.of(Topics.HEALTH, Topics.BEHAVIOR);

  @Override
  public String name() {
    return "poison-evolution";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    Random random = new Random(ctx.config().seed() + 1);
    int valid = ctx.scale().poisonValidPerTopic();
    int bad = Math.max(Poison.values().length, valid / 100);
    Map<Topic<?>, SchemaV2> v2 = new HashMap<>();
    for (Topic<?> topic : EVOLVED) {
      SchemaV2 schema = SchemaV2.of(topic);
      topic.codec().addWriterSchema(schema.schema());
      v2.put(topic, schema);
    }
    long restartsBefore = live.flinkHealth().path("restarts").asLong(-1);
    long generatedBefore = live.stack().generator().produced(Topics.HEALTH);

    Map<String, String> expectedReason = new TreeMap<>();
    int v2Sent = 0;
    Instant at = Instant.now();
    try (KafkaProducer<byte[], byte[]> producer = producer(live.stack().bootstrapServers())) {
      List<Future<RecordMetadata>> poisonSent = new ArrayList<>();
      List<Poison> poisonKinds = new ArrayList<>();
      for (Topic<?> topic : Topics.INPUTS) {
        List<Integer> poisonAt = new ArrayList<>();
        for (int i = 0; i < bad; i++) {
          poisonAt.add(random.nextInt(valid));
        }
        for (int n = 0; n < valid; n++) {
          SpecificRecordBase event = ProbeEvents.of(topic, n, at.plusMillis(n));
          boolean newer = v2.containsKey(topic) && n % 4 == 3;
          byte[] value = newer ? v2.get(topic).encode(event) : encode(topic, event);
          v2Sent += newer ? 1 : 0;
          producer.send(record(topic, ProbeEvents.twin(n), value));
          for (int k = 0; k < poisonAt.size(); k++) {
            if (poisonAt.get(k) == n) {
              Poison kind = Poison.values()[(k + topic.name().length()) % Poison.values().length];
              poisonKinds.add(kind);
              poisonSent.add(producer.send(record(topic, ProbeEvents.twin(n), kind.bytes(topic, event, random))));
            }
          }
        }
      }
      producer.flush();
      for (int i = 0; i < poisonSent.size(); i++) {
        RecordMetadata m = poisonSent.get(i).get();
        expectedReason.put(m.topic() + "/" + m.partition() + "/" + m.offset(), poisonKinds.get(i).reason());
      }
    }

    List<String> statuses = new ArrayList<>();
    Map<String, Integer> unreadable = new TreeMap<>();
    long[] maxRestarts = {restartsBefore};
    Map<String, Long> landed = new LinkedHashMap<>();
    Map<String, String> deadLetters = new TreeMap<>();
    Await.until("probe events and dead letters in the tables", Duration.ofSeconds(180), () -> {
      JsonNode flink = live.flinkHealth();
      // a status the health check could not read (its query timed out) is no status: the restart counter,
      // cumulative, tells whether the job left RUNNING meanwhile
      if (flink.has("job_status")) {
        String status = flink.path("job_status").asText();
        if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
          statuses.add(status);
        }
      } else {
        unreadable.merge(flink.path("error").asText(flink.toString()), 1, Integer::sum);
      }
      maxRestarts[0] = Math.max(maxRestarts[0], flink.path("restarts").asLong(-1));
      for (Topic<?> topic : Topics.INPUTS) {
        String table = ProbeEvents.TABLE_OF.get(topic.name());
        landed.put(table, live.count("SELECT count(*) FROM " + table + " WHERE event_id LIKE ?", ProbeEvents.ID_PREFIX + "%"));
      }
      deadLetters.clear();
      for (Map<String, Object> r : live.history().query("SELECT event_id, reason FROM " + Tables.DEAD_LETTERS, List.of()).asMaps()) {
        deadLetters.put((String) r.get("event_id"), (String) r.get("reason"));
      }
      return landed.values().stream().allMatch(n -> n >= valid) && deadLetters.keySet().containsAll(expectedReason.keySet())
          && live.stack().generator().produced(Topics.HEALTH) > generatedBefore + 2L * LiveStack.DEMO_TWINS;
    });
    long distinct = 0;
    for (String table : ProbeEvents.TABLE_OF.values()) {
      distinct += live.count("SELECT count(DISTINCT event_id) FROM " + table + " WHERE event_id LIKE ?", ProbeEvents.ID_PREFIX + "%");
    }
    String generator = live.stack().generator().failure().map(e -> "failed: " + e.getMessage()).orElse("still producing");
    JsonNode[] last = {live.flinkHealth()};
    Await.until("a readable job status", Duration.ofSeconds(30), () -> (last[0] = live.flinkHealth()).has("job_status"));
    JsonNode flink = last[0];
    long restartsAfter = flink.path("restarts").asLong(-1);
    maxRestarts[0] = Math.max(maxRestarts[0], restartsAfter);

    int wrongReason = 0;
    for (Map.Entry<String, String> e : expectedReason.entrySet()) {
      wrongReason += e.getValue().equals(deadLetters.get(e.getKey())) ? 0 : 1;
    }
    Map<String, Long> byReason = new TreeMap<>();
    expectedReason.values().forEach(r -> byReason.merge(r, 1L, Long::sum));
    boolean allLanded = landed.values().stream().allMatch(n -> n == valid) && distinct == (long) valid * landed.size();
    boolean running = "RUNNING".equals(flink.path("job_status").asText()) && statuses.stream().allMatch("RUNNING"::equals);
    // the restart count appears once Flink has reported its first metrics; it must be there by now and be 0
    boolean ok = allLanded && wrongReason == 0 && running && restartsAfter == 0 && maxRestarts[0] == 0;

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("valid_per_topic", valid);
    figures.put("v2_events", v2Sent);
    figures.put("poison", expectedReason.size());
    figures.put("poison_by_reason", byReason);
    figures.put("landed_by_table", landed);
    figures.put("dead_letters_total", deadLetters.size());
    figures.put("job_statuses_seen", statuses);
    figures.put("job_status_unreadable", unreadable);
    figures.put("restarts", maxRestarts[0]);
    String done = String.format("into each of %d input topics: %d valid events (in health and behaviour every 4th from a v2-schema "
        + "producer, %d in all) and %d poison records (%.1f %%), interleaved; the v2 writer schema registered with the job's decoder first",
        Topics.INPUTS.size(), valid, v2Sent, bad, 100.0 * bad / (valid + bad));
    String observed = String.format("landed %s (%d distinct ids); %d of %d poison records in %s with the expected reason %s; "
        + "job status seen %s%s, restarts %d; generator %s",
        landed, distinct, expectedReason.size() - wrongReason, expectedReason.size(), Tables.DEAD_LETTERS, byReason, statuses,
        unreadable.isEmpty() ? "" : " (unreadable " + unreadable + ")", maxRestarts[0], generator);
    return List.of(Outcome.of("poison and evolution", done,
        "every valid event (v1 and v2) in its table exactly once; every poison record in " + Tables.DEAD_LETTERS
            + " with its reason; job RUNNING, 0 restarts",
        observed, ok, figures));
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecordBase> byte[] encode(Topic<T> topic, SpecificRecordBase event) {
    return topic.codec().encode((T) event);
  }

  private static ProducerRecord<byte[], byte[]> record(Topic<?> topic, String twin, byte[] value) {
    return new ProducerRecord<>(topic.name(), twin.getBytes(StandardCharsets.UTF_8), value);
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
