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
import java.util.function.Supplier;

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

  public Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", clock.instant().toString());
    out.put("kafka", part(this::kafka));
    out.put("flink", part(this::flink));
    out.put("iceberg", part(this::iceberg));
    out.put("query_latency", part(() -> metrics.queryLatency("api")));
    out.put("dead_letters", part(this::deadLetters));
    out.put("detection", part(this::detection));
    out.put("baseline_confidence", part(() -> first(PipelineQueries.CONFIDENCE)));
    out.put("batch", part(() -> BatchRuns.of(history.views(), clock.instant())));
    return out;
  }

  private static Object part(Supplier<Object> measure) {
    try {
      return measure.get();
    } catch (RuntimeException e) {
      return Map.of("error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Object kafka() {
    KafkaProgress.Offsets offsets = kafka.read();
    RecentEvents.Count recent = kafka.recent(offsets, RATE_WINDOW);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("events_total", offsets.totalEnd());
    out.put("events_per_minute", recent.perMinute());
    out.put("events_per_second", recent.perMinute() / 60);
    out.put("events_in_window", recent.events());
    out.put("rate_window_s", recent.span().toMillis() / 1000.0);
    List<Map<String, Object>> groups = new ArrayList<>();
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
          Map<String, Object> g = new LinkedHashMap<>();
          g.put("group", group);
          g.put("lag", lag);
          g.put("lag_by_topic", byTopic);
          groups.add(g);
        });
    groups.sort(Comparator.comparing(g -> (String) g.get("group")));
    out.put("consumer_groups", groups);
    return out;
  }

  private Object flink() {
    for (ComponentCheck check : checks) {
      if (check.name().equals("flink")) {
        ComponentCheck.Status status = check.check();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.status());
        out.putAll(status.details());
        return out;
      }
    }
    return Map.of("status", "not_in_this_process");
  }

  private Object iceberg() {
    Instant now = clock.instant();
    List<Map<String, Object>> tables = new ArrayList<>();
    long snapshots = 0;
    Instant newest = null;
    for (IcebergViews.ViewState state : history.views().states().values()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("table", state.table());
      t.put("snapshots", state.snapshots());
      t.put("files", state.files());
      t.put("last_commit", state.committedAt() == null ? null : state.committedAt().toString());
      t.put("last_commit_age_s", state.committedAt() == null ? null : ageSeconds(state.committedAt(), now));
      tables.add(t);
      snapshots += state.snapshots();
      if (state.committedAt() != null && (newest == null || state.committedAt().isAfter(newest))) {
        newest = state.committedAt();
      }
    }
    tables.sort(Comparator.comparing(t -> (String) t.get("table")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("last_commit", newest == null ? null : newest.toString());
    out.put("last_commit_age_s", newest == null ? null : ageSeconds(newest, now));
    out.put("snapshots", snapshots);
    out.put("tables", tables);
    return out;
  }

  private Object deadLetters() {
    List<Map<String, Object>> rows = history.query(PipelineQueries.DEAD_LETTERS, List.of()).asMaps();
    long total = rows.stream().mapToLong(r -> ((Number) r.get("count")).longValue()).sum();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("by_reason", rows);
    return out;
  }

  private Object detection() {
    Map<String, Object> row = first(PipelineQueries.DETECTION);
    long detected = ((Number) row.get("detected")).longValue();
    long truePositives = ((Number) row.get("true_positives")).longValue();
    long injected = ((Number) row.get("injected")).longValue();
    long found = ((Number) row.get("found")).longValue();
    Map<String, Object> out = new LinkedHashMap<>(row);
    out.put("precision", detected == 0 ? null : (double) truePositives / detected);
    out.put("recall", injected == 0 ? null : (double) found / injected);
    out.put("tolerance_minutes", PipelineQueries.TOLERANCE_MINUTES);
    return out;
  }

  private Map<String, Object> first(String sql) {
    return history.query(sql, List.of()).asMaps().get(0);
  }

  private static double ageSeconds(Instant at, Instant now) {
    return Duration.between(at, now).toMillis() / 1000.0;
  }
}
