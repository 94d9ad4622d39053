package ai.digitaltwin.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The few calls of Flink's REST API (the one the web UI and {@code flink run} use) that deploying the
 * stream job needs: upload a jar, run it, find jobs, and stop one with a savepoint.
 */
public final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One job as {@code /jobs/overview} lists it. */
  public record JobSummary(String id, String name, String state) {}

  /** How to run an uploaded jar; a null savepoint starts from scratch. */
  public record RunRequest(String entryClass, List<String> programArgs, Integer parallelism, String savepointPath) {
    public RunRequest {
      programArgs = List.copyOf(programArgs);
    }
  }

  /** One registered TaskManager and how many of its slots are taken. */
  public record TaskManager(String id, int slots, int freeSlots) {}

  /** What a cluster offers right now. */
  public record ClusterOverview(int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning) {}

  private final URI base;
  private final HttpClient http;

  public FlinkRest(URI base) {
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI base() {
    return base;
  }

  public ClusterOverview overview() throws IOException {
    JsonNode o = get("overview");
    return new ClusterOverview(
        o.path("taskmanagers").asInt(), o.path("slots-total").asInt(), o.path("slots-available").asInt(),
        o.path("jobs-running").asInt());
  }

  public List<TaskManager> taskManagers() throws IOException {
    List<TaskManager> list = new ArrayList<>();
    for (JsonNode tm : get("taskmanagers").path("taskmanagers")) {
      list.add(new TaskManager(tm.path("id").asText(), tm.path("slotsNumber").asInt(), tm.path("freeSlots").asInt()));
    }
    return list;
  }

  /** Uploads a jar and returns the id the cluster gave it. */
  public String upload(Path jar) throws IOException {
    String boundary = "----twin" + UUID.randomUUID();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("jars/upload"))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofByteArray(tail)))
            .build();
    String filename = send(request).path("filename").asText();
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** Runs an uploaded jar's main class and returns the job id. */
  public String run(String jarId, RunRequest run) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    if (run.entryClass() != null) {
      body.put("entryClass", run.entryClass());
    }
    body.set("programArgsList", JSON.valueToTree(run.programArgs()));
    if (run.parallelism() != null) {
      body.put("parallelism", run.parallelism());
    }
    if (run.savepointPath() != null) {
      body.put("savepointPath", run.savepointPath());
      body.put("allowNonRestoredState", false);
    }
    return post("jars/" + jarId + "/run", body, Duration.ofMinutes(3)).path("jobid").asText();
  }

  public List<JobSummary> jobs() throws IOException {
    List<JobSummary> jobs = new ArrayList<>();
    for (JsonNode job : get("jobs/overview").path("jobs")) {
      jobs.add(new JobSummary(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText()));
    }
    return jobs;
  }

  /** Removes an uploaded jar from the cluster. */
  public void deleteJar(String jarId) throws IOException {
    send(HttpRequest.newBuilder(base.resolve("jars/" + jarId)).timeout(Duration.ofSeconds(30)).DELETE().build());
  }

  /** Cancels the job (Flink answers once the cancellation is under way; poll {@link #state} for its end). */
  public void cancel(String jobId) throws IOException {
    send(HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "?mode=cancel"))
        .timeout(Duration.ofSeconds(30))
        .method("PATCH", HttpRequest.BodyPublishers.noBody())
        .build());
  }

  /** The job's user accumulators by name, their values as Flink prints them. */
  public Map<String, String> accumulators(String jobId) throws IOException {
    Map<String, String> values = new TreeMap<>();
    for (JsonNode a : get("jobs/" + jobId + "/accumulators").path("user-task-accumulators")) {
      values.put(a.path("name").asText(), a.path("value").asText());
    }
    return values;
  }

  /** Why the job failed, as the root exception Flink recorded; empty if it recorded none. */
  public String failure(String jobId) throws IOException {
    return get("jobs/" + jobId + "/exceptions").path("root-exception").asText("");
  }

  public String state(String jobId) throws IOException {
    return get("jobs/" + jobId).path("state").asText();
  }

  /** Where the job's state was restored from (a savepoint or checkpoint path), or null if it was not. */
  public String restoredFrom(String jobId) throws IOException {
    JsonNode restored = get("jobs/" + jobId + "/checkpoints").path("latest").path("restored");
    return restored.isMissingNode() || restored.isNull() ? null : restored.path("external_path").asText(null);
  }

  /** The highest parallelism among the job's operators. */
  public int parallelism(String jobId) throws IOException {
    int max = 0;
    for (JsonNode vertex : get("jobs/" + jobId).path("vertices")) {
      max = Math.max(max, vertex.path("parallelism").asInt());
    }
    return max;
  }

  /** Times the job restarted after a failure (a lost TaskManager, an unreachable broker, ...). */
  public long restarts(String jobId) throws IOException {
    for (JsonNode metric : get("jobs/" + jobId + "/metrics?get=numRestarts")) {
      return metric.path("value").asLong();
    }
    return 0;
  }

  /** Asks for a savepoint and then a clean stop; returns the trigger id to poll. */
  public String stopWithSavepoint(String jobId, String targetDirectory) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("targetDirectory", targetDirectory);
    body.put("drain", false);
    return post("jobs/" + jobId + "/stop", body, Duration.ofSeconds(30)).path("request-id").asText();
  }

  /** The savepoint's location once written, null while in progress; fails if Flink reports a failure. */
  public String savepointLocation(String jobId, String triggerId) throws IOException {
    JsonNode answer = get("jobs/" + jobId + "/savepoints/" + triggerId);
    if (!answer.path("status").path("id").asText().equals("COMPLETED")) {
      return null;
    }
    JsonNode operation = answer.path("operation");
    if (operation.has("failure-cause")) {
      throw new IOException("savepoint failed: " + operation.path("failure-cause").path("stack-trace").asText());
    }
    return operation.path("location").asText();
  }

  private JsonNode get(String path) throws IOException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private JsonNode post(String path, JsonNode body, Duration timeout) throws IOException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  private JsonNode send(HttpRequest request) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + request.method() + " " + request.uri(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}
