package ai.digitaltwin.bench.stack;

import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinState;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Freshness of a running stack, by probe: a reading stamped "now" is sent to the health topic for a twin
 * the generator simulates, then the bench waits until (a) the API returns that reading and (b) a twin
 * state of that twin at least as new arrives on the hot-path topic. Each probe flips the status the live
 * view last showed for its twin (read from twin.state's beginning; a heart rate of 152 after any other
 * status, 68 after "elevated_hr"): the state
 * function sends a status change at once, other readings only at its event-time cadence, which a probe
 * could not tell apart from the path's latency.
 */
final class FreshnessBench {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private FreshnessBench() {}

  static List<Figure> run(HttpApi api, String bootstrap, List<String> twins, int probes, PrintStream log) throws Exception {
    Map<String, List<long[]>> states = new ConcurrentHashMap<>(); // twin -> [event time, arrival nanos]
    Map<String, String> shown = new ConcurrentHashMap<>(); // twin -> status of its newest state seen
    List<Double> queryable = new ArrayList<>();
    List<Double> hot = new ArrayList<>();
    int missedHot = 0;
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap); StateWatch watch = new StateWatch(bootstrap, states, shown)) {
      watch.awaitCaughtUp(TIMEOUT); // the status each twin shows now decides its first probe
      for (int i = 0; i < probes; i++) {
        String twin = twins.get(i % twins.size());
        Instant ts = Instant.ofEpochMilli(System.currentTimeMillis()); // event times are milliseconds
        if (ts.toEpochMilli() % 1000 == 0) {
          ts = ts.plusMillis(1); // generator readings fall on whole seconds: a probe never does
        }
        HealthEvent probe = HealthEvent.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTwinId(twin)
            .setTs(ts)
            .setHeartRate("elevated_hr".equals(shown.get(twin)) ? 68.0 : 152.0)
            .setSystolicBp(121.0)
            .setDiastolicBp(79.0)
            .setSpo2(97.0)
            .setBodyTempC(36.8)
            .setRespRate(15.0)
            .setHrvMs(48.0)
            .setSteps(0)
            .setStress(0.3)
            .setEnergy(0.6)
            .setActivity("leisure")
            .setSource("bench-probe")
            .build();
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(Topics.HEALTH.name(), twin.getBytes(StandardCharsets.UTF_8),
            Topics.HEALTH.codec().encode(probe))).get();
        long visible = awaitReading(api, twin, ts, sent);
        queryable.add((visible - sent) / 1e6);
        Long state = stateArrival(states, twin, ts.toEpochMilli(), sent);
        if (state == null) {
          missedHot++;
        } else {
          hot.add((state - sent) / 1e6);
        }
        log.printf("  probe %d (%s): queryable after %.0f ms, hot path %s%n", i + 1, twin, (visible - sent) / 1e6,
            state == null ? "no state within the wait" : String.format("after %.0f ms", (state - sent) / 1e6));
      }
    }
    List<Figure> out = new ArrayList<>();
    out.add(Figure.of("freshness: event → queryable through the API", new Measure("probe", "ms", Samples.of(queryable)),
        null, "a reading sent to Kafka (acks=all) until GET /twins/{id}/health returns it: Flink checkpoint (Iceberg commit, "
            + "CHECKPOINT_INTERVAL_MS=10 s) + the API's snapshot poll (SNAPSHOT_POLL_MS=1 s) + the HTTP poll (200 ms)"));
    String hotPath = "freshness: event → hot path (" + Topics.STATE.name() + ")";
    out.add(hot.isEmpty()
        ? Figure.unavailable(hotPath, "no probe produced a state within " + TIMEOUT.toSeconds() + " s")
        : Figure.of(hotPath, new Measure("probe", "ms", Samples.of(hot)), null,
            "same probes until a state of the twin at least as new arrives on " + Topics.STATE.name()
                + " (status flips emit at once); "
                + missedHot + " of " + probes + " probes produced no state within the wait"));
    return out;
  }

  private static long awaitReading(HttpApi api, String twin, Instant ts, long sent) throws Exception {
    long deadline = sent + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode readings = api.json("/api/v1/twins/" + twin + "/health?limit=20").get("readings");
      long now = System.nanoTime();
      for (JsonNode r : readings) {
        if (instant(r.get("ts")).equals(ts)) {
          return now;
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("probe reading of " + twin + " at " + ts + " not visible within " + TIMEOUT);
  }

  /** Arrival of the first state of {@code twin} at least as new as the probe, waiting up to 20 s more. */
  private static Long stateArrival(Map<String, List<long[]>> states, String twin, long ts, long sent)
      throws InterruptedException {
    long deadline = Math.max(System.nanoTime(), sent) + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (long[] s : states.getOrDefault(twin, List.of())) {
        if (s[0] >= ts && s[1] >= sent) {
          return s[1];
        }
      }
      Thread.sleep(50);
    }
    return null;
  }

  static Instant instant(JsonNode ts) {
    if (ts.isNumber()) {
      return Instant.ofEpochMilli(ts.asLong());
    }
    return OffsetDateTime.parse(ts.asText()).toInstant();
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("key.serializer", ByteArraySerializer.class.getName());
    p.put("value.serializer", ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Reads the hot-path topic from its end on a thread of its own, noting when each state arrived. */
  private static final class StateWatch implements AutoCloseable {
    private final Thread thread;
    private final java.util.concurrent.CountDownLatch caughtUp = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running = true;

    StateWatch(String bootstrap, Map<String, List<long[]>> states, Map<String, String> shown) {
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      p.put("key.deserializer", ByteArrayDeserializer.class.getName());
      p.put("value.deserializer", ByteArrayDeserializer.class.getName());
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATE.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      // from the beginning, to learn the status each twin shows; what arrives before a probe is sent never
      // counts as its arrival
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer.seekToBeginning(partitions);
      Map<String, Long> newest = new java.util.HashMap<>();
      thread = new Thread(() -> {
        try (consumer) {
          while (running) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
              long arrived = System.nanoTime();
              TwinState s = Topics.STATE.codec().decode(r.value());
              long ts = s.getTs().toEpochMilli();
              if (caughtUp.getCount() == 0) { // until then no probe is sent: nothing read can be its arrival
                states.computeIfAbsent(s.getTwinId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(new long[] {ts, arrived});
              }
              if (ts >= newest.getOrDefault(s.getTwinId(), Long.MIN_VALUE)) {
                newest.put(s.getTwinId(), ts);
                shown.put(s.getTwinId(), s.getStatus()); // as the dashboard, which ignores older states
              }
            }
            if (caughtUp.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
              caughtUp.countDown();
            }
          }
        }
      }, "bench-state-watch");
      thread.setDaemon(true);
      thread.start();
    }

    void awaitCaughtUp(Duration timeout) throws InterruptedException {
      if (!caughtUp.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(Topics.STATE.name() + " not read to its end within " + timeout);
      }
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(5_000);
    }
  }
}
