package ai.digitaltwin.jobs.stream;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.anomaly.DetectorState;
import ai.digitaltwin.jobs.anomaly.TwinDetector;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two days of a person's readings from more than a year ago, imported while live twins stream on the
 * same partitions: every reading lands, the twin's state follows its history to the end, and its
 * anomalies are exactly those the batch run of the same detectors finds on the same readings, although
 * the live twins move the shared watermark on in the middle of the history's episode.
 */
class HistoryBesideLiveTest {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static final String IMPORTED = "imported-1";
  static final List<String> LIVE = List.of("live-a", "live-b");
  static final Instant HISTORY = T0.minus(Duration.ofDays(400));
  static final int HISTORY_MINUTES = 2 * 24 * 60;
  /** The history's tachycardia: minutes of a heart rate of about 140 at work. */
  static final int EPISODE_FROM = 1500;
  static final int EPISODE_TO = 1506;
  /** Where the history is cut in two, with the live watermark moving on between the halves. */
  static final int SPLIT = 1503;

  @TempDir Path dir;

  @Test
  void importedHistoryGetsItsStateAndAnomaliesWhileLiveTwinsFlow() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
      kafka.createTopics(2);
      CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
      JobConfig config =
          JobConfig.fromEnv(
              Env.of(Map.of(
                  "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                  "CHECKPOINT_INTERVAL_MS", "500",
                  "JOB_PARALLELISM", "2",
                  "SOURCE_IDLENESS_MS", "1000",
                  "HOT_PATH_ENABLED", "false",
                  "ICEBERG_WAREHOUSE", catalog.warehouse())));
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(Checkpoints.localConfiguration(dir.resolve("checkpoints")));
      TwinStreamJob.define(env, config);
      JobClient job = env.executeAsync(TwinStreamJob.NAME);

      AtomicBoolean streaming = new AtomicBoolean(true);
      AtomicInteger liveMinute = new AtomicInteger();
      Thread live = new Thread(() -> {
        while (streaming.get()) { // one minute of event time per 20 ms: the watermark keeps moving
          int m = liveMinute.getAndIncrement();
          for (String twin : LIVE) {
            send(producer, Events.reading(twin, T0.plus(Duration.ofMinutes(m)), 62 + m % 5));
          }
          producer.flush();
          sleepQuietly(20);
        }
      });
      live.start();
      try {
        Await.until("live readings", TIMEOUT, () -> liveRows(catalog) > 0);
        List<HealthEvent> history = history();
        history.subList(0, SPLIT).forEach(e -> send(producer, e));
        producer.flush();
        // the live twins move the watermark on (minutes of event time in seconds) while the history's
        // episode is open; a pause shorter than the detector's quiet time, as an import's would be
        int liveBefore = liveMinute.get();
        Await.until("the live twins to move on", TIMEOUT, () -> liveMinute.get() > liveBefore + 300);
        history.subList(SPLIT, history.size()).forEach(e -> send(producer, e));
        producer.flush();

        Await.until("every imported reading", TIMEOUT, () -> rows(catalog, Tables.HEALTH_EVENTS, IMPORTED).size() == HISTORY_MINUTES);
        List<Anomaly> expected = batch(history);
        assertThat(expected).extracting(a -> a.getType()).contains("tachycardia");
        List<String> wanted = expected.stream().map(HistoryBesideLiveTest::describe).toList();
        Await.value("the history's anomalies", TIMEOUT,
            () -> rows(catalog, Tables.ANOMALIES, IMPORTED).stream().map(HistoryBesideLiveTest::describe).sorted().toList(),
            found -> found.equals(wanted.stream().sorted().toList()));
        Await.value("the state at the history's end", TIMEOUT,
            () -> rows(catalog, Tables.TWIN_STATE, IMPORTED).stream().mapToLong(r -> (Long) r.getField("readings")).max().orElse(0),
            n -> n == HISTORY_MINUTES);
        Record last = rows(catalog, Tables.TWIN_STATE, IMPORTED).stream()
            .filter(r -> (Long) r.getField("readings") == HISTORY_MINUTES).findFirst().orElseThrow();
        assertThat(last.getField("ts")).isEqualTo(utc(minute(HISTORY_MINUTES - 1)));

        int liveAfter = liveRows(catalog);
        Await.until("the live twins still flowing", TIMEOUT, () -> liveRows(catalog) > liveAfter + 20);
      } finally {
        streaming.set(false);
        live.join();
        job.cancel().get();
      }
      assertThat(IcebergRows.read(catalog, Tables.DEAD_LETTERS)).isEmpty();
      List<Record> health = IcebergRows.read(catalog, Tables.HEALTH_EVENTS);
      assertThat(health.stream().map(r -> r.getField("event_id")).distinct()).hasSize(health.size());
    }
  }

  /** Calm readings at work, one a minute, with a tachycardia of seven minutes. */
  private static List<HealthEvent> history() {
    List<HealthEvent> out = new ArrayList<>();
    for (int m = 0; m < HISTORY_MINUTES; m++) {
      boolean high = m >= EPISODE_FROM && m <= EPISODE_TO;
      out.add(Events.reading(IMPORTED, minute(m), high ? 138 + m % 3 : 66 + (m * 7) % 5 - 2));
    }
    return out;
  }

  /** The same detectors over the same readings, as the backtest runs them: in order, timers at the end. */
  private static List<Anomaly> batch(List<HealthEvent> readings) {
    DetectorState state = new DetectorState();
    List<Anomaly> out = new ArrayList<>();
    for (HealthEvent e : readings) {
      out.addAll(TwinDetector.reading(IMPORTED, state, e, e.getTs().toEpochMilli()));
    }
    out.addAll(TwinDetector.endOfInput(IMPORTED, state));
    return out;
  }

  private static String describe(Anomaly a) {
    return a.getEventId() + " " + a.getStartTs() + " " + a.getEndTs();
  }

  private static String describe(Record r) {
    return r.getField("event_id") + " " + instant(r.getField("start_ts")) + " " + instant(r.getField("end_ts"));
  }

  private static Instant instant(Object field) {
    return field == null ? null : ((OffsetDateTime) field).toInstant();
  }

  private static Instant minute(int m) {
    return HISTORY.plus(Duration.ofMinutes(m));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static List<Record> rows(CatalogConfig catalog, String table, String twin) {
    return IcebergRows.read(catalog, table).stream().filter(r -> twin.equals(r.getField("twin_id"))).toList();
  }

  private static int liveRows(CatalogConfig catalog) {
    return (int) IcebergRows.read(catalog, Tables.HEALTH_EVENTS).stream().filter(r -> LIVE.contains(r.getField("twin_id"))).count();
  }

  private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, HealthEvent event) {
    byte[] key = event.getTwinId().getBytes(StandardCharsets.UTF_8);
    producer.send(new ProducerRecord<>(Topics.HEALTH.name(), key, Topics.HEALTH.codec().encode(event)));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
