package ai.digitaltwin.generator;

import ai.digitaltwin.config.BadSettingException;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.cli.BackfillProgress;
import ai.digitaltwin.generator.cli.Flags;
import ai.digitaltwin.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
      config = GeneratorConfig.fromEnv(settings(flags, Env.of(env)));
    } catch (BadSettingException e) {
      System.err.println("generator: " + e.getMessage() + flagOf(e.name()));
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("generator: " + e.getMessage());
      return 2;
    }
    GeneratorService service = GeneratorService.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "generator-shutdown"));
    return flags.days() == null ? live(service) : backfill(service);
  }

  /**
   * The flags laid over the environment. In backfill mode the end is start + N days, and the start
   * defaults to N days ago at midnight UTC.
   */
  private static Env settings(Flags flags, Env env) {
    Env settings = env.with(flags.settings());
    if (flags.days() == null) {
      return settings;
    }
    Instant start = GeneratorConfig.start(settings);
    Instant from = start != null ? start : Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(flags.days()));
    return settings.with(Map.of(
        ConfigKey.GENERATOR_START.name(), from.toString(),
        ConfigKey.GENERATOR_END.name(), from.plus(Duration.ofDays(flags.days())).toString()));
  }

  /** A value given as a flag is named by its flag too: the user may never have seen the variable. */
  private static String flagOf(String variable) {
    return Arrays.stream(ConfigKey.values())
        .filter(k -> k.name().equals(variable))
        .map(k -> " (flag " + k.flag() + ")")
        .findFirst()
        .orElse("");
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
