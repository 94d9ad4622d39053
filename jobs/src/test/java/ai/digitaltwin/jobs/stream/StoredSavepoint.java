package ai.digitaltwin.jobs.stream;

import static ai.digitaltwin.jobs.Events.T0;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.health.StoredHealthSlots;
import ai.digitaltwin.jobs.twin.StoredSeenIds;
import ai.digitaltwin.jobs.twin.StoredTwinSlots;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A savepoint of the stream job kept in the tests' resources, and what its keyed state says, read with
 * the code of the day. {@link #main} writes a new one: the job run on a real broker and a local cluster
 * over two days of three twins, stopped with a savepoint, whose state is then read and written beside it
 * as the expected lines. {@code StoredSavepointTest} reads the stored one again with the current code: a
 * state class moved, renamed or changed incompatibly, a state renamed or an operator's uid changed, and
 * it fails, as a restore of a running deployment's savepoint would.
 */
public final class StoredSavepoint {
  /** The operators with keyed state, by uid, and how to read each. */
  static List<String> read(Path savepoint) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(1);
    SavepointReader reader = SavepointReader.read(env, savepoint.toUri().toString(), new HashMapStateBackend());
    DataStream<String> all =
        reader.readKeyedState(OperatorIdentifier.forUid("dedup-and-detect-health"), new StoredHealthSlots())
            .union(
                reader.readKeyedState(OperatorIdentifier.forUid("twin-state"), new StoredTwinSlots()),
                reader.readKeyedState(OperatorIdentifier.forUid("dedup-registry"), new StoredSeenIds("dedup-registry")),
                reader.readKeyedState(OperatorIdentifier.forUid("dedup-behavior"), new StoredSeenIds("dedup-behavior")));
    List<String> lines = new ArrayList<>();
    try (var rows = all.executeAndCollect("read a stored savepoint")) {
      rows.forEachRemaining(lines::add);
    }
    lines.sort(String::compareTo);
    return lines;
  }

  /** Writes a savepoint into {@code args[0]} (replacing it) and its expected lines into {@code args[0]}.expected. */
  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]).toAbsolutePath();
    Path work = Files.createTempDirectory("stored-savepoint");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
      kafka.createTopics(2);
      CatalogConfig catalog = CatalogConfig.local(work.resolve("warehouse"));
      JobConfig config = JobConfig.fromEnv(Env.of(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
          "CHECKPOINT_INTERVAL_MS", "1000",
          "JOB_PARALLELISM", "2",
          "SOURCE_IDLENESS_MS", "1000",
          "ICEBERG_WAREHOUSE", catalog.warehouse())));
      int readings = produce(kafka);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(Checkpoints.localConfiguration(work.resolve("checkpoints")));
      TwinStreamJob.define(env, config);
      JobClient job = env.executeAsync(TwinStreamJob.NAME);
      Duration timeout = Duration.ofMinutes(3);
      Await.until(readings + " readings in health_events", timeout,
          () -> IcebergRows.read(catalog, Tables.HEALTH_EVENTS).size() == readings);
      Await.until("a state of every twin", timeout,
          () -> IcebergRows.read(catalog, Tables.TWIN_STATE).stream().map(r -> r.getField("twin_id")).distinct().count() == 3);
      String written = job.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL).get();
      Path from = Path.of(java.net.URI.create(written.startsWith("file:") ? written : "file://" + written));
      replace(from, target);
      Files.write(Path.of(target + ".expected"), read(target), StandardCharsets.UTF_8);
      System.out.println("savepoint " + target + " and its expected state written");
    }
  }

  /** Two days of readings every 5 minutes of three twins, two with a profile, and a few activity changes. */
  private static int produce(EmbeddedKafka kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    int readings = 0;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (String twin : List.of("twin-a", "twin-b")) {
        producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), key(twin), Topics.REGISTRY.codec().encode(Events.created(twin, T0, 0.6))));
      }
      for (int m = 0; m < 2 * 24 * 60; m += 5) {
        Instant at = T0.plus(Duration.ofMinutes(m));
        for (String twin : List.of("twin-a", "twin-b", "twin-c")) {
          double bpm = 58 + (m / 5 + twin.charAt(5)) % 17;
          producer.send(new ProducerRecord<>(Topics.HEALTH.name(), key(twin), Topics.HEALTH.codec().encode(Events.reading(twin, at, bpm))));
          readings++;
        }
        if (m % 240 == 0) {
          producer.send(new ProducerRecord<>(Topics.BEHAVIOR.name(), key("twin-a"),
              Topics.BEHAVIOR.codec().encode(Events.behavior("twin-a", at, m % 480 == 0 ? "work" : "relax", "sleep"))));
        }
      }
      producer.flush();
    }
    return readings;
  }

  private static byte[] key(String twin) {
    return twin.getBytes(StandardCharsets.UTF_8);
  }

  private static void replace(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> old = Files.walk(to)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path copy = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private StoredSavepoint() {}
}
