package ai.digitaltwin.bench.scale;

import ai.digitaltwin.bench.detection.DetectionSize;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.sink.ConsumedRows;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.TaskWriter;

/**
 * A warehouse of seeded history written without Kafka or Flink: the generator's own simulation (the demo
 * twins, seed and defaults of {@code ./twin generator}) stepped in-process, twins split over threads as in
 * the detection run, each event turned into the stream job's row and appended to the catalog's tables in
 * commits of {@link #COMMIT} of simulated time (several data files per day partition, as checkpoints
 * leave them). The registry rows come first, so the API knows every twin.
 */
final class SeededWarehouse {
  /** Simulated time per commit: four commits a day, so each day partition is due for compaction. */
  static final Duration COMMIT = Duration.ofHours(6);
  private static final long PROGRESS_NANOS = Duration.ofSeconds(15).toNanos();

  /** What was written: the twins, the span of their history, the row counts. */
  record Result(List<String> twins, Instant start, Instant end, long healthRows, long behaviorRows, int commits,
      double seconds) {}

  private SeededWarehouse() {}

  static Result write(DetectionSize size, Path warehouse, Instant end, int threads, PrintStream log) throws Exception {
    GeneratorConfig defaults = GeneratorConfig.fromEnv(Env.of(Map.of("GENERATOR_SEED", String.valueOf(size.seed()))));
    Instant start = end.minus(Duration.ofDays(size.days()));
    SimSettings settings = new SimSettings(size.seed(), start.toEpochMilli(), defaults.intervalSeconds(),
        defaults.anomalyRate(), 0, 0, defaults.behaviorStepTicks());
    long ticks = 0;
    while (settings.tickMillis(ticks) < end.toEpochMilli()) {
      ticks++;
    }
    long ticksPerCommit = COMMIT.toSeconds() / defaults.intervalSeconds();
    List<TwinRegistryEvent> created = DemoTwins.created(size.twins(), size.seed(), settings.startMillis());
    int groups = Math.max(1, Math.min(threads, size.twins()));
    long started = System.nanoTime();
    try (TwinCatalog catalog = TwinCatalog.open(CatalogConfig.local(warehouse))) {
      catalog.ensureTables();
      writeRegistry(catalog.table(Tables.TWIN_REGISTRY), created);
      TableWriters writers = new TableWriters(catalog);
      List<Simulation> sims = new ArrayList<>();
      List<TableRows> sinks = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        sims.add(new Simulation(settings));
        sinks.add(new TableRows(writers, g));
      }
      for (int i = 0; i < created.size(); i++) {
        sims.get(i % groups).apply(created.get(i));
      }
      ExecutorService pool = Executors.newFixedThreadPool(groups);
      int commits = 0;
      long lastProgress = started;
      try {
        for (long from = 0; from < ticks; from += ticksPerCommit) {
          long to = Math.min(ticks, from + ticksPerCommit);
          List<Future<TableRows.Files>> parts = new ArrayList<>();
          for (int g = 0; g < groups; g++) {
            Simulation sim = sims.get(g);
            TableRows sink = sinks.get(g);
            long first = from;
            parts.add(pool.submit(() -> {
              for (long t = first; t < to; t++) {
                sim.step(t, sink);
              }
              return sink.complete();
            }));
          }
          List<DataFile> health = new ArrayList<>();
          List<DataFile> behavior = new ArrayList<>();
          for (Future<TableRows.Files> part : parts) {
            health.addAll(part.get().health());
            behavior.addAll(part.get().behavior());
          }
          append(writers.healthTable(), health);
          append(writers.behaviorTable(), behavior);
          commits++;
          long now = System.nanoTime();
          if (now - lastProgress >= PROGRESS_NANOS || to == ticks) {
            lastProgress = now;
            double share = to / (double) ticks;
            double elapsed = (now - started) / 1e9;
            log.printf(Locale.ROOT, "  %5.1f %% of %s written (%,d readings, %d commits), %.0f s, about %.0f s left%n",
                100 * share, size.describe(), count(sinks, true), commits, elapsed, elapsed / share - elapsed);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      List<String> twins = created.stream().map(TwinRegistryEvent::getTwinId).toList();
      return new Result(twins, start, end, count(sinks, true), count(sinks, false), commits,
          (System.nanoTime() - started) / 1e9);
    }
  }

  private static void writeRegistry(Table table, List<TwinRegistryEvent> created) throws Exception {
    ConsumedRows<TwinRegistryEvent> rows = new ConsumedRows<>(TwinRegistryEvent.class, Tables.TWIN_REGISTRY);
    TaskWriter<RowData> writer = TableWriters.once(table);
    long offset = 0;
    for (TwinRegistryEvent e : created) {
      writer.write(rows.map(new Consumed<>(e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(), 0, offset++, e)));
    }
    append(table, List.of(writer.complete().dataFiles()));
  }

  private static void append(Table table, List<DataFile> files) {
    if (files.isEmpty()) {
      return;
    }
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
  }

  private static long count(List<TableRows> sinks, boolean health) {
    return sinks.stream().mapToLong(s -> health ? s.healthCount : s.behaviorCount).sum();
  }
}
