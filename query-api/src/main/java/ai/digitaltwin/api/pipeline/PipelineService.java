package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.metrics.ApiMetrics;
import ai.digitaltwin.api.system.ComponentCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the pipeline is doing, every figure measured now: Kafka offsets and consumer lag, the stream job's
 * last checkpoint (from the same check {@code /health} runs), Iceberg commits as the API's views see them,
 * the API's query latency, dead letters, detection quality against ground truth and baseline confidence.
 * Each part fails alone: a part that cannot be measured says why instead of failing the whole answer.
 */
public final class PipelineService {
  private final TwinHistory history;
  private final KafkaProgress kafka;
  private final List<ComponentCheck> checks;
  private final ApiMetrics metrics;
  private final Clock clock;
  /**
   * The rate's window: at the default pace (a reading per twin a minute) a shorter one holds a handful of
   * events or none, and the rate would jump between zero and a burst.
   */
  static final Duration RATE_WINDOW = Duration.ofMinutes(5);

  public PipelineService(
      TwinHistory history, KafkaProgress kafka, List<ComponentCheck> checks, ApiMetrics metrics, Clock clock) {
    this.history = history;
    this.kafka = kafka;
    this.checks = List.copyOf(checks);
    this.metrics = metrics;
    this.clock = clock;
  }

  public PipelineStatus status() {
    return new PipelineStatus(
        clock.instant().toString(),
        PipelineStatus.Part.measure(this::kafka),
        PipelineStatus.Part.measure(this::flink),
        PipelineStatus.Part.measure(this::iceberg),
        PipelineStatus.Part.measure(() -> metrics.queryLatency("api")),
        PipelineStatus.Part.measure(this::deadLetters),
        PipelineStatus.Part.measure(this::detection),
        PipelineStatus.Part.measure(this::confidence),
        PipelineStatus.Part.measure(() -> BatchRuns.of(history.views(), clock.instant())));
  }

  private PipelineStatus.Kafka kafka() {
    KafkaProgress.Offsets offsets = kafka.read();
    RecentEvents.Count recent = kafka.recent(offsets, RATE_WINDOW);
    List<PipelineStatus.ConsumerGroup> groups = new ArrayList<>();
    offsets.committed().forEach(
        (group, committed) -> {
          Map<String, Long> byTopic = new LinkedHashMap<>();
          long lag = 0;
          for (var e : offsets.ends().entrySet()) {
            Long at = committed.get(e.getKey());
            long behind = Math.max(0, e.getValue() - (at == null ? 0 : at));
            byTopic.merge(e.getKey().topic(), behind, Long::sum);
            lag += behind;
          }
          groups.add(new PipelineStatus.ConsumerGroup(group, lag, byTopic));
        });
    groups.sort(Comparator.comparing(PipelineStatus.ConsumerGroup::group));
    return new PipelineStatus.Kafka(
        offsets.totalEnd(),
        recent.perMinute(),
        recent.perMinute() / 60,
        recent.events(),
        recent.span().toMillis() / 1000.0,
        groups);
  }

  /** The stream job's check as {@code /health} runs it, when the job runs in this process. */
  private ComponentCheck.Status flink() {
    for (ComponentCheck check : checks) {
      if (check.name().equals("flink")) {
        return check.check();
      }
    }
    return new ComponentCheck.Status("not_in_this_process", Map.of());
  }

  private PipelineStatus.Iceberg iceberg() {
    Instant now = clock.instant();
    List<PipelineStatus.Table> tables = new ArrayList<>();
    long snapshots = 0;
    Instant newest = null;
    for (IcebergViews.ViewState state : history.views().states().values()) {
      Instant at = state.committedAt();
      tables.add(new PipelineStatus.Table(
          state.table(), state.snapshots(), state.files(), at == null ? null : at.toString(),
          at == null ? null : ageSeconds(at, now)));
      snapshots += state.snapshots();
      if (at != null && (newest == null || at.isAfter(newest))) {
        newest = at;
      }
    }
    tables.sort(Comparator.comparing(PipelineStatus.Table::table));
    return new PipelineStatus.Iceberg(
        newest == null ? null : newest.toString(), newest == null ? null : ageSeconds(newest, now), snapshots, tables);
  }

  private PipelineStatus.DeadLetters deadLetters() {
    List<PipelineStatus.DeadLetter> rows = history.query(PipelineQueries.DEAD_LETTERS, List.of()).map(
        r -> new PipelineStatus.DeadLetter(r.text("topic"), r.text("reason"), r.whole("count"), r.text("last")));
    return new PipelineStatus.DeadLetters(rows.stream().mapToLong(PipelineStatus.DeadLetter::count).sum(), rows);
  }

  private PipelineStatus.Detection detection() {
    return history.query(PipelineQueries.DETECTION, List.of()).first(row -> {
      long detected = row.whole("detected");
      long truePositives = row.whole("true_positives");
      long injected = row.whole("injected");
      long found = row.whole("found");
      return new PipelineStatus.Detection(
          detected, truePositives, injected, found,
          detected == 0 ? null : (double) truePositives / detected,
          injected == 0 ? null : (double) found / injected,
          PipelineQueries.TOLERANCE_MINUTES);
    }).orElseThrow();
  }

  private PipelineStatus.Confidence confidence() {
    return history.query(PipelineQueries.CONFIDENCE, List.of()).first(
        r -> new PipelineStatus.Confidence(r.whole("twins"), r.decimal("mean"), r.decimal("min"), r.decimal("max")))
        .orElseThrow();
  }

  private static double ageSeconds(Instant at, Instant now) {
    return Duration.between(at, now).toMillis() / 1000.0;
  }
}
