package ai.digitaltwin.bench.detection;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.anomaly.AnomalySpec;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.jobs.backtest.BacktestReport;
import ai.digitaltwin.jobs.backtest.Episode;
import ai.digitaltwin.jobs.backtest.Scoring;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generator's simulation run in-process, without Kafka: the same demo twins, settings and seed as
 * {@code ./twin generator --twins N --seed S} from {@link #T0}, so the same readings and injected
 * episodes. Twins are independent (each has its own seeded random source), so they are split over
 * threads, one {@link Simulation} each, which changes no event.
 *
 * <p>The scored days are a window inside the simulated ones, as a study scores the illnesses of people it
 * has a baseline for and follows up: {@link #LEAD_IN} before it, so that no injected episode starts before
 * the detectors have a personal baseline (a person's sleeping heart rate needs a night), and after it as
 * long as the longest injected episode lasts plus a day ({@link #leadOut}), so that every episode starting
 * in the window runs its course in the data (an infection's raised resting HR is confirmed on its second
 * night). Injected episodes starting in the window are scored, and so is every detection that overlaps one of
 * them or starts in the window; one that overlaps only episodes injected outside the window is neither
 * credited nor held against the detectors.
 */
public final class DetectionRun {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration LEAD_IN = Duration.ofDays(2);
  private static final long PROGRESS_SECONDS = 15;

  /** What the run found, next to what was injected. */
  public record Result(
      long readings, List<Episode> detected, List<Episode> fixedRules, List<Episode> truth, long from, long to, double seconds) {
    public BacktestReport report() {
      List<Episode> scored = truth.stream().filter(this::inWindow).toList();
      List<Episode> outside = truth.stream().filter(e -> !inWindow(e)).toList();
      return new BacktestReport(readings, Scoring.score(scoredOf(detected, outside), scored),
          Scoring.score(scoredOf(fixedRules, outside), scored));
    }

    private boolean inWindow(Episode e) {
      return e.start() >= from && e.start() < to;
    }

    /**
     * The detections of episodes injected in the window, wherever they start, and the others that start in
     * it, less those overlapping only episodes injected outside it.
     */
    private List<Episode> scoredOf(List<Episode> found, List<Episode> outside) {
      return found.stream()
          .filter(d -> truth.stream().anyMatch(t -> inWindow(t) && overlaps(d, t))
              || (inWindow(d) && outside.stream().noneMatch(t -> overlaps(d, t))))
          .toList();
    }

    private static boolean overlaps(Episode a, Episode b) {
      return a.twinId().equals(b.twinId()) && a.type().equals(b.type())
          && a.start() <= b.end() + Scoring.SLACK && b.start() <= a.end() + Scoring.SLACK;
    }
  }

  /** The longest episode the generator injects, and a day to confirm it. */
  static Duration leadOut() {
    double minutes = 0;
    for (AnomalyType type : AnomalyType.values()) {
      minutes = Math.max(minutes, AnomalySpec.of(type).maxMinutes());
    }
    return Duration.ofMinutes((long) Math.ceil(minutes)).plusDays(1);
  }

  private DetectionRun() {}

  public static Result run(DetectionSize size, int threads, PrintStream log) throws Exception {
    GeneratorConfig defaults = GeneratorConfig.fromEnv(Env.of(Map.of("GENERATOR_SEED", String.valueOf(size.seed()))));
    if (defaults.lateRate() != 0 || defaults.duplicateRate() != 0) {
      throw new IllegalStateException("the generator's defaults now send late or duplicate readings: replay them "
          + "through the stream job's de-duplication first");
    }
    SimSettings settings = new SimSettings(size.seed(), T0.toEpochMilli(), defaults.intervalSeconds(),
        defaults.anomalyRate(), 0, 0, defaults.behaviorStepTicks());
    long from = T0.plus(LEAD_IN).toEpochMilli();
    long to = T0.plus(LEAD_IN).plus(Duration.ofDays(size.days())).toEpochMilli();
    long end = to + leadOut().toMillis();
    long ticks = 0;
    while (settings.tickMillis(ticks) < end) {
      ticks++;
    }
    List<TwinRegistryEvent> created = DemoTwins.created(size.twins(), size.seed(), settings.startMillis());
    int groups = Math.max(1, Math.min(threads, size.twins()));
    List<Simulation> sims = new ArrayList<>();
    List<TwinsFeed> feeds = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      sims.add(new Simulation(settings));
      feeds.add(new TwinsFeed());
    }
    for (int i = 0; i < created.size(); i++) {
      sims.get(i % groups).apply(created.get(i));
    }
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(groups);
    try {
      List<Future<?>> futures = new ArrayList<>();
      long lastTick = ticks;
      for (int g = 0; g < groups; g++) {
        Simulation sim = sims.get(g);
        TwinsFeed feed = feeds.get(g);
        futures.add(pool.submit(() -> {
          for (long t = 0; t < lastTick; t++) {
            sim.step(t, feed);
            done.incrementAndGet();
          }
          feed.endOfInput();
          return null;
        }));
      }
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get(PROGRESS_SECONDS, TimeUnit.SECONDS);
            break;
          } catch (TimeoutException e) {
            double share = done.get() / (double) (lastTick * groups);
            double elapsed = (System.nanoTime() - started) / 1e9;
            log.printf(Locale.ROOT, "  %4.1f %% of %s simulated and scored, %.0f s, about %.0f s left%n", 100 * share,
                size.describe(), elapsed, elapsed / Math.max(share, 1e-9) - elapsed);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long readings = 0;
    List<Episode> detected = new ArrayList<>();
    List<Episode> fixed = new ArrayList<>();
    List<Episode> truth = new ArrayList<>();
    for (TwinsFeed feed : feeds) {
      readings += feed.readings;
      detected.addAll(feed.detections.episodes());
      fixed.addAll(feed.fixedRules);
      truth.addAll(feed.truth);
    }
    return new Result(readings, detected, fixed, truth, from, to, (System.nanoTime() - started) / 1e9);
  }
}
