package ai.digitaltwin.jobs.stream;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.ingest.EventTimeWatermarks;
import ai.digitaltwin.jobs.ingest.KafkaRecord;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole stream graph on a MiniCluster (parallelism 2), events out of order, into a real catalog. */
class TwinStreamJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final int READINGS = 60;
  static final byte[] GARBAGE = "this is not an avro message".getBytes(StandardCharsets.UTF_8);
  static final byte[] UNKNOWN_SCHEMA =
      ByteBuffer.allocate(14).put((byte) 0xC3).put((byte) 0x01).putLong(42L).putInt(7).array();

  @TempDir Path dir;

  @Test
  void writesEveryInputToItsTableOnceAndKeepsTwinState() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
    }
    JobConfig config =
        new JobConfig(
            "127.0.0.1:9092", "test", Duration.ofSeconds(1), 2, Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(15), false, catalog);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TwinStreamJob.configure(env, config);

    StreamOutputs outputs = TwinStreamJob.build(inputs(env, config), config);
    outputs.tables().forEach((table, rows) -> IcebergSinks.append(rows, catalog, table));
    env.execute("twin-stream-test");

    List<Record> health = IcebergRows.read(catalog, Tables.HEALTH_EVENTS);
    assertThat(health).hasSize(2 * READINGS + 10);
    assertThat(health.stream().map(r -> r.getField("event_id")).distinct()).hasSize(2 * READINGS + 10);
    Record seventh =
        health.stream().filter(r -> r.getField("event_id").equals("twin-a-h-" + at(7).toEpochMilli())).findFirst().orElseThrow();
    assertThat(seventh.getField("twin_id")).isEqualTo("twin-a");
    assertThat(seventh.getField("ts")).isEqualTo(OffsetDateTime.ofInstant(at(7), ZoneOffset.UTC));
    assertThat(seventh.getField("heart_rate")).isEqualTo(bpm("twin-a", 7));
    assertThat(seventh.getField("steps")).isEqualTo(0);
    assertThat(seventh.getField("activity")).isEqualTo("work");
    assertThat(seventh.getField("kafka_partition")).isEqualTo(0);
    assertThat(seventh.getField("kafka_offset")).isEqualTo(7L);

    List<Record> dead = IcebergRows.read(catalog, Tables.DEAD_LETTERS);
    assertThat(dead)
        .extracting(r -> r.getField("topic") + " " + r.getField("kafka_partition") + " " + r.getField("kafka_offset") + " " + r.getField("reason"))
        .containsExactlyInAnyOrder(
            Topics.HEALTH.name() + " 0 1000 not_single_object",
            Topics.CHAT.name() + " 1 5 unknown_fingerprint");
    Record garbage = dead.stream().filter(r -> r.getField("topic").equals(Topics.HEALTH.name())).findFirst().orElseThrow();
    assertThat(bytes(garbage.getField("raw"))).isEqualTo(GARBAGE);

    assertThat(IcebergRows.read(catalog, Tables.BEHAVIOR_EVENTS)).hasSize(3);
    assertThat(IcebergRows.read(catalog, Tables.CHAT_MESSAGES))
        .extracting(r -> r.getField("text"))
        .containsExactlyInAnyOrder("how are you", "I feel awful");
    assertThat(IcebergRows.read(catalog, Tables.GROUND_TRUTH))
        .extracting(r -> r.getField("type"))
        .containsExactly("tachycardia");
    List<Record> registry = IcebergRows.read(catalog, Tables.TWIN_REGISTRY);
    assertThat(registry).extracting(r -> r.getField("twin_id")).containsExactlyInAnyOrder("twin-a", "twin-b");
    assertThat(registry.get(0).getField("interests")).isEqualTo(List.of("hiking", "chess"));

    List<Record> anomalies = IcebergRows.read(catalog, Tables.ANOMALIES);
    assertThat(anomalies)
        .extracting(r -> r.getField("twin_id") + " " + r.getField("type") + " " + r.getField("start_ts") + " " + r.getField("end_ts"))
        .containsExactlyInAnyOrder(
            "twin-c sensor_spike " + utc(at(5)) + " null",
            "twin-c sensor_spike " + utc(at(5)) + " " + utc(at(5)));

    Map<Object, List<Record>> states =
        IcebergRows.read(catalog, Tables.TWIN_STATE).stream().collect(Collectors.groupingBy(r -> r.getField("twin_id")));
    assertThat(states).containsOnlyKeys("twin-a", "twin-b", "twin-c");
    for (String twin : List.of("twin-a", "twin-b")) {
      List<Record> snapshots = states.get(twin);
      // one per 15-minute interval with readings at most; fewer when one watermark covers several
      assertThat(snapshots).hasSizeBetween(1, 4);
      Record last = snapshots.stream().max(Comparator.comparing(r -> (Long) r.getField("readings"))).orElseThrow();
      assertThat(last.getField("readings")).isEqualTo((long) READINGS);
      assertThat(last.getField("ts")).isEqualTo(OffsetDateTime.ofInstant(at(READINGS - 1), ZoneOffset.UTC));
      assertThat(last.getField("heart_rate")).isEqualTo(bpm(twin, READINGS - 1));
      assertThat((Double) last.getField("hr_baseline")).isCloseTo(meanBpm(twin), within(1e-6));
      assertThat((Double) last.getField("resting_hr")).isCloseTo(meanBpm(twin), within(1e-6));
      assertThat((Double) last.getField("baseline_confidence"))
          .isCloseTo(1 - Math.exp(-READINGS / 720.0), within(1e-6)); // snapshots round to 6 decimals
      assertThat(last.getField("status")).isEqualTo("normal");
    }
  }

  private StreamInputs inputs(StreamExecutionEnvironment env, JobConfig config) {
    List<KafkaRecord> health = new ArrayList<>();
    List<String> twins = List.of("twin-a", "twin-b");
    for (int p = 0; p < twins.size(); p++) {
      for (int i = 0; i < READINGS; i++) {
        health.add(record(Topics.HEALTH.name(), p, i, Topics.HEALTH.codec().encode(Events.reading(twins.get(p), at(i), bpm(twins.get(p), i)))));
      }
    }
    for (int i = 0; i < 10; i++) {
      double bpm = i == 5 ? 280 : 66 + i % 3; // one impossible value: a sensor spike
      health.add(record(Topics.HEALTH.name(), 2, i, Topics.HEALTH.codec().encode(Events.reading("twin-c", at(i), bpm))));
    }
    // a producer retry: the same event again at a later offset
    health.add(record(Topics.HEALTH.name(), 0, READINGS, Topics.HEALTH.codec().encode(Events.reading("twin-a", at(10), bpm("twin-a", 10)))));
    health.add(record(Topics.HEALTH.name(), 0, 1000, GARBAGE));
    return new StreamInputs(
        source(env, config, Topics.HEALTH, outOfOrder(health)),
        source(env, config, Topics.BEHAVIOR, List.of(
            record(Topics.BEHAVIOR.name(), 0, 0, Topics.BEHAVIOR.codec().encode(Events.behavior("twin-a", at(0), "work", "commute"))),
            record(Topics.BEHAVIOR.name(), 0, 1, Topics.BEHAVIOR.codec().encode(Events.behavior("twin-a", at(30), "social", "work"))),
            record(Topics.BEHAVIOR.name(), 1, 0, Topics.BEHAVIOR.codec().encode(Events.behavior("twin-b", at(2), "work", "routine"))))),
        source(env, config, Topics.REGISTRY, List.of(
            record(Topics.REGISTRY.name(), 0, 0, Topics.REGISTRY.codec().encode(Events.created("twin-a", T0, 0.5))),
            record(Topics.REGISTRY.name(), 1, 0, Topics.REGISTRY.codec().encode(Events.created("twin-b", T0, 0.3))))),
        source(env, config, Topics.CHAT, List.of(
            record(Topics.CHAT.name(), 0, 0, Topics.CHAT.codec().encode(Events.chat("twin-a", at(5), "how are you", 0.0))),
            record(Topics.CHAT.name(), 0, 1, Topics.CHAT.codec().encode(Events.chat("twin-a", at(6), "I feel awful", -0.8))),
            record(Topics.CHAT.name(), 1, 5, UNKNOWN_SCHEMA))),
        source(env, config, Topics.GROUND_TRUTH, List.of(
            record(Topics.GROUND_TRUTH.name(), 0, 0, Topics.GROUND_TRUTH.codec().encode(Events.truth("twin-a", at(20), at(40), "tachycardia"))))));
  }

  /** Each record moved by up to three minutes of event time: less than the five allowed. */
  private static List<KafkaRecord> outOfOrder(List<KafkaRecord> records) {
    Random random = new Random(42);
    List<Map.Entry<Long, KafkaRecord>> keyed = new ArrayList<>();
    for (KafkaRecord r : records) {
      long minute = r.offset() >= READINGS ? 10 : r.offset(); // offsets count minutes here
      keyed.add(Map.entry(minute * 60_000 + random.nextInt(180_000), r));
    }
    keyed.sort(Map.Entry.comparingByKey());
    return keyed.stream().map(Map.Entry::getValue).toList();
  }

  /** One topic's records with the watermarks the Kafka source gives them. */
  private static DataStream<KafkaRecord> source(
      StreamExecutionEnvironment env, JobConfig config, Topic<?> topic, List<KafkaRecord> records) {
    return env.fromData(records, TypeInformation.of(KafkaRecord.class))
        .name("test " + topic.name())
        .uid("test-" + topic.name())
        .assignTimestampsAndWatermarks(EventTimeWatermarks.of(topic, config))
        .name("watermarks " + topic.name())
        .uid("watermarks-" + topic.name());
  }

  private static KafkaRecord record(String topic, int partition, long offset, byte[] value) {
    return KafkaRecord.of(topic, partition, offset, T0.toEpochMilli(), value);
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private static double bpm(String twin, int i) {
    return twin.equals("twin-a") ? 60 + i % 10 : 70 + i % 5;
  }

  private static double meanBpm(String twin) {
    double sum = 0;
    for (int i = 0; i < READINGS; i++) {
      sum += bpm(twin, i);
    }
    return sum / READINGS;
  }

  private static byte[] bytes(Object value) {
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
