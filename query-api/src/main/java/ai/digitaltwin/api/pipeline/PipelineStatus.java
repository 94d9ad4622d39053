package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.metrics.ApiMetrics;
import ai.digitaltwin.api.system.ComponentCheck;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The body of {@code GET /pipeline}: when it was measured, then each part of the pipeline. A part that
 * could not be measured says why ({@code {"error": ...}}) in its place, so one failing part does not fail
 * the others.
 */
public record PipelineStatus(
    String at,
    Part<Kafka> kafka,
    Part<ComponentCheck.Status> flink,
    Part<Iceberg> iceberg,
    Part<ApiMetrics.Latency> queryLatency,
    Part<DeadLetters> deadLetters,
    Part<Detection> detection,
    Part<Confidence> baselineConfidence,
    Part<BatchRuns.Runs> batch) {

  /** A part's figures, or the error that kept them from being measured; written out as one or the other. */
  public record Part<T>(T figures, String error) {
    static <T> Part<T> measure(Supplier<T> measure) {
      try {
        return new Part<>(measure.get(), null);
      } catch (RuntimeException e) {
        return new Part<>(null, e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }

    @JsonValue
    public Object json() {
      return error == null ? figures : new Failed(error);
    }
  }

  public record Failed(String error) {}

  /** Events into the input topics (offsets and the recent rate) and how far each consumer group lags. */
  public record Kafka(
      long eventsTotal,
      double eventsPerMinute,
      double eventsPerSecond,
      long eventsInWindow,
      double rateWindowS,
      List<ConsumerGroup> consumerGroups) {}

  /** A group's lag over the input topics, in all and per topic (topic name to lag). */
  public record ConsumerGroup(String group, long lag, Map<String, Long> lagByTopic) {}

  /** The newest commit over all tables, their snapshots, and each table as the API's views see it. */
  public record Iceberg(String lastCommit, Double lastCommitAgeS, long snapshots, List<Table> tables) {}

  public record Table(String table, long snapshots, int files, String lastCommit, Double lastCommitAgeS) {}

  public record DeadLetters(long total, List<DeadLetter> byReason) {}

  /** Dead letters of one topic and reason: how many, the newest one's time. */
  public record DeadLetter(String topic, String reason, Long count, String last) {}

  /**
   * Episodes detected and injected, with precision and recall (null with nothing to divide by) at
   * {@code tolerance_minutes}; see {@link PipelineQueries}.
   */
  public record Detection(
      long detected,
      long truePositives,
      long injected,
      long found,
      Double precision,
      Double recall,
      int toleranceMinutes) {}

  /** The stream job's baseline confidence over every twin's newest state. */
  public record Confidence(Long twins, Double mean, Double min, Double max) {}
}
