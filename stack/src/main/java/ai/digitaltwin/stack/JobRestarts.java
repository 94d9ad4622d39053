package ai.digitaltwin.stack;

import ai.digitaltwin.kafka.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/**
 * How often the stream job has restarted since this process started it: Flink's {@code numRestarts}
 * metric, read from the MiniCluster's REST endpoint on loopback. A job that restart-loops on a bad record
 * shows {@code RUNNING} most of the time; only this count tells it apart from a healthy one.
 */
final class JobRestarts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private JobRestarts(int port) {
    this.port = port;
  }

  /** Binds the MiniCluster's REST endpoint to 127.0.0.1 on a free port (otherwise a random, unknown one). */
  static JobRestarts configure(Configuration conf) {
    int port = FreePorts.next();
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_PORT, String.valueOf(port));
    conf.set(RestOptions.PORT, port);
    return new JobRestarts(port);
  }

  /** The restart count, or empty while Flink has not reported the metric yet. */
  Optional<Long> count(JobID job) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/" + job + "/metrics?get=numRestarts"))
              .timeout(Duration.ofSeconds(2))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      for (JsonNode metric : JSON.readTree(response.body())) {
        if ("numRestarts".equals(metric.path("id").asText())) {
          return Optional.of(Long.parseLong(metric.path("value").asText()));
        }
      }
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
