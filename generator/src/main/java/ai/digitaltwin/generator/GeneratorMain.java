package ai.digitaltwin.generator;

import ai.digitaltwin.generator.cli.BackfillProgress;
import ai.digitaltwin.generator.cli.Flags;
import ai.digitaltwin.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Command line: live generator, or {@code --days N} backfill with a progress bar. See {@code --help}. */
public final class GeneratorMain {
  private GeneratorMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> env) throws InterruptedException {
    GeneratorConfig config;
    Flags flags;
    try {
      flags = Flags.parse(List.of(args));
      if (flags.helpWanted()) {
        System.out.print(Flags.usage());
        return 0;
      }
      config = GeneratorConfig.fromEnv(env, backfill(flags, env));
    } catch (IllegalArgumentException e) {
      System.err.println("generator: " + e.getMessage());
      return 2;
    }
    GeneratorService service = GeneratorService.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "generator-shutdown"));
    return flags.days() == null ? live(service) : backfill(service);
  }

  /** In backfill mode the end is start + N days, and the start defaults to N days ago at midnight UTC. */
  private static Map<ConfigKey, String> backfill(Flags flags, Map<String, String> env) {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    values.putAll(flags.values());
    if (flags.days() == null) {
      return values;
    }
    String start = values.getOrDefault(ConfigKey.GENERATOR_START, env.getOrDefault(ConfigKey.GENERATOR_START.name(), ""));
    Instant from = start.isBlank()
        ? Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(flags.days()))
        : GeneratorConfig.fromEnv(Map.of(ConfigKey.GENERATOR_START.name(), start)).start();
    values.put(ConfigKey.GENERATOR_START, from.toString());
    values.put(ConfigKey.GENERATOR_END, from.plus(Duration.ofDays(flags.days())).toString());
    return values;
  }

  private static int backfill(GeneratorService service) throws InterruptedException {
    Instant end = service.config().end();
    try (BackfillProgress bar = new BackfillProgress(System.err, System.nanoTime())) {
      while (!service.finished() && service.failure().isEmpty()) {
        Instant start = service.startTime();
        Instant now = service.simulatedTime();
        if (start != null && now != null) {
          double fraction = (double) (now.toEpochMilli() - start.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli());
          bar.show(fraction, total(service), System.nanoTime());
        }
        Thread.sleep(500); // redraw pace of the bar, not synchronisation
      }
      bar.show(1, total(service), System.nanoTime());
    }
    service.close();
    if (service.failure().isPresent()) {
      System.err.println("generator: " + service.failure().get().getMessage());
      return 1;
    }
    System.err.printf("produced %,d health, %,d behaviour, %,d ground-truth, %,d registry events%n",
        service.produced(Topics.HEALTH), service.produced(Topics.BEHAVIOR), service.produced(Topics.GROUND_TRUTH),
        service.produced(Topics.REGISTRY));
    return 0;
  }

  private static int live(GeneratorService service) throws InterruptedException {
    service.awaitTermination();
    if (service.failure().isEmpty()) {
      return 0; // stopped by the shutdown hook
    }
    System.err.println("generator: " + service.failure().get().getMessage());
    return 1;
  }

  private static long total(GeneratorService service) {
    return service.produced(Topics.HEALTH) + service.produced(Topics.BEHAVIOR) + service.produced(Topics.GROUND_TRUTH);
  }
}
