package ai.digitaltwin.cluster;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.schemas.TopicSetup;
import ai.digitaltwin.testkit.Await;
import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A KRaft Kafka cluster of {@code n} nodes, each broker and controller in one JVM ({@code kafka.Kafka}
 * with its own {@code server.properties}), replication {@code min(n, 3)} and {@code min.insync.replicas}
 * 2, so one node may die without stopping producers that use {@code acks=all}.
 */
final class KafkaCluster implements AutoCloseable {
  private final Path dir;
  private final int[] brokerPorts;
  private final int[] controllerPorts;
  private final ChildJvm[] nodes;

  private KafkaCluster(Path dir, int n) {
    this.dir = dir;
    this.brokerPorts = IntStream.range(0, n).map(i -> FreePorts.next()).toArray();
    this.controllerPorts = IntStream.range(0, n).map(i -> FreePorts.next()).toArray();
    this.nodes = new ChildJvm[n];
  }

  /** Starts {@code n} nodes without waiting for them: see {@link #awaitBrokers}. */
  static KafkaCluster launch(Path dir, int n) {
    KafkaCluster cluster = new KafkaCluster(dir, n);
    String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < n; i++) {
      cluster.format(i, clusterId);
    }
    for (int i = 0; i < n; i++) {
      cluster.startNode(i);
    }
    return cluster;
  }

  String bootstrapServers() {
    return IntStream.of(brokerPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  short replication() {
    return (short) Math.min(nodes.length, 3);
  }

  /** The project's topics, as the submitter creates them on a real cluster. */
  void createTopics(int partitions) {
    try (Admin admin = admin()) {
      TopicSetup.ensure(admin, partitions, replication());
    }
  }

  void kill(int node) throws InterruptedException {
    nodes[node].kill();
  }

  /** Starts a killed node again on its old storage; it catches up from the others. */
  void restart(int node) throws InterruptedException {
    startNode(node);
    awaitBrokers(nodes.length, Duration.ofMinutes(3));
  }

  Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(props);
  }

  /** Waits until the cluster reports {@code count} live brokers. */
  void awaitBrokers(int count, Duration timeout) throws InterruptedException {
    try (Admin admin = admin()) {
      Await.until(count + " Kafka brokers", timeout, () -> {
        try {
          return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count;
        } catch (Exception notYet) {
          return false;
        }
      });
    }
  }

  private void startNode(int i) {
    nodes[i] =
        ChildJvm.startIn(
            new ChildJvm.Spec(
                "kafka-" + (i + 1), Classpaths.test(), "kafka.Kafka",
                List.of(dir.resolve("node-" + (i + 1) + ".properties").toString()),
                List.of("-Xmx384m", "-Xms128m", "-XX:+UseG1GC", ProcessLogging.logbackFlag()), Map.of()),
            dir.resolve("logs"));
  }

  private void format(int i, String clusterId) {
    Path logDir = dir.resolve("node-" + (i + 1));
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setNodeId(i + 1)
          .setClusterId(clusterId)
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName("CONTROLLER")
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .run();
      try (Writer out = Files.newBufferedWriter(dir.resolve("node-" + (i + 1) + ".properties"))) {
        properties(i, logDir).store(out, "Kafka node " + (i + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka node " + (i + 1) + ": " + e.getMessage(), e);
    }
  }

  private Properties properties(int i, Path logDir) {
    List<String> voters = new ArrayList<>();
    for (int v = 0; v < nodes.length; v++) {
      voters.add((v + 1) + "@127.0.0.1:" + controllerPorts[v]);
    }
    String rf = String.valueOf(replication());
    String minIsr = String.valueOf(Math.min(2, replication()));
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(i + 1));
    p.put("controller.quorum.voters", String.join(",", voters));
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i]);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPorts[i]);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "2");
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", minIsr);
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "3000");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.replica.fetchers", "1");
    return p;
  }

  @Override
  public void close() throws InterruptedException {
    for (ChildJvm node : nodes) {
      if (node != null) {
        node.close();
      }
    }
  }
}
