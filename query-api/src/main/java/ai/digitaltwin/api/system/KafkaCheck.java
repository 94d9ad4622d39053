package ai.digitaltwin.api.system;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka is up when the cluster answers a describe within two seconds. */
public final class KafkaCheck implements ComponentCheck, AutoCloseable {
  private final Admin admin;
  private final String bootstrap;

  public KafkaCheck(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
    this.admin = Admin.create(props);
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Status check() {
    try {
      int brokers = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
      return Status.up(Map.of("bootstrap", bootstrap, "brokers", brokers));
    } catch (Exception e) {
      return Status.down("no answer from " + bootstrap + ": " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
