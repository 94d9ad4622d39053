package ai.digitaltwin.bench.real;

import ai.digitaltwin.jobs.anomaly.Rest;
import ai.digitaltwin.jobs.backtest.Detections;
import ai.digitaltwin.jobs.backtest.Episode;
import ai.digitaltwin.jobs.health.HealthSteps;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Runs recorded people through the stream job's own health operator ({@link HealthSteps}: de-duplication
 * and every anomaly layer) on a local Flink MiniCluster, bounded, in BATCH mode: each twin's readings
 * reach the operator sorted by event time, however old, and the end of the input fires the timers that
 * close what is open. Each task reads its people's files itself, so the job graph stays small.
 */
public final class RealRun {
  /** The stream job's default de-duplication horizon ({@code DEDUP_HORIZON_MS}). */
  static final Duration DEDUP = Duration.ofMinutes(10);

  private RealRun() {}

  /** Every detected episode (all layers) per person, opened and closed. */
  public static Map<String, List<Episode>> detect(Path samples, List<String> people, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    DataStream<Anomaly> anomalies =
        env.fromData(people)
            .name("people")
            .flatMap(new Read(samples.toAbsolutePath().toString()), ConsumedTypes.HEALTH)
            .name("recordings")
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Consumed<HealthEvent>>forMonotonousTimestamps().withTimestampAssigner((c, t) -> c.ts()))
            .keyBy(Consumed::twinId, Types.STRING)
            .connect(env.fromData(people).name("twins").map(new Twin(), ConsumedTypes.REGISTRY).name("twin of each person")
                .keyBy(Consumed::twinId, Types.STRING))
            .process(new HealthSteps(DEDUP), ConsumedTypes.HEALTH)
            .name("dedup and detect")
            .uid("dedup-and-detect")
            .getSideOutput(HealthSteps.ANOMALIES);
    Detections detections = new Detections();
    try (CloseableIterator<Anomaly> it = anomalies.executeAndCollect("real-wearables-detection")) {
      while (it.hasNext()) {
        detections.add(it.next());
      }
    }
    Map<String, List<Episode>> out = new HashMap<>();
    people.forEach(p -> out.put(p, new java.util.ArrayList<>()));
    for (Episode e : detections.episodes()) {
      out.get(e.twinId()).add(e);
    }
    return out;
  }

  /**
   * A person's twin as {@code ./twin import} creates it without {@code --timezone}: no zone given, so the
   * recordings' naive local times are read as UTC ({@link StanfordSamples}) and its nights lie in UTC.
   */
  static final class Twin implements MapFunction<String, Consumed<TwinRegistryEvent>> {
    @Override
    public Consumed<TwinRegistryEvent> map(String person) {
      Profile profile = Profile.newBuilder().setName(person).setTimezone(Rest.UTC.getId()).build();
      TwinRegistryEvent imported =
          new TwinRegistryEvent(person + "/imported", person, Instant.EPOCH, "imported", profile, null, null, null, null);
      return new Consumed<>(person, imported.getEventId(), 0, 0, 0, imported);
    }
  }

  /** A person's files as the readings an import would give. */
  static final class Read implements FlatMapFunction<String, Consumed<HealthEvent>> {
    private final String samples;

    Read(String samples) {
      this.samples = samples;
    }

    @Override
    public void flatMap(String person, Collector<Consumed<HealthEvent>> out) throws Exception {
      long offset = 0;
      for (HealthEvent e : StanfordSamples.read(Path.of(samples), person).readings()) {
        out.collect(new Consumed<>(person, e.getEventId(), e.getTs().toEpochMilli(), 0, offset++, e));
      }
    }
  }
}
