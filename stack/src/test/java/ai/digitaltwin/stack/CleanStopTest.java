package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.stream.Checkpoints;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C and a service manager send) stops the stack with a savepoint every time: the stack
 * runs as its own process, as {@code ./twin up} does, with the generator producing and table maintenance
 * (compaction and snapshot expiry) running every half second, and is stopped five times in a row. Each
 * stop must exit 0, print the savepoint's path, leave a completed savepoint there and log no failed
 * maintenance; each next start must resume from it. Finally every reading the generator committed is in
 * {@code health_events} exactly once.
 */
class CleanStopTest {
  private static final String ADMIN_PASSWORD = "clean-stop-admin-pw";
  private static final int STOPS = 5;
  private static final Pattern SAVEPOINT = Pattern.compile("Stopped with savepoint (\\S+); the next start resumes from it\\.");
  /** What a stop that was not clean has logged, by the stack or by the libraries below it. */
  private static final List<String> UNCLEAN =
      List.of("stop with savepoint failed", "table maintenance failed", "RejectedExecutionException", "Stopped without a savepoint");

  @TempDir Path dir;

  @Test
  void sigtermStopsWithASavepointEveryTimeAndTheRestartsLoseAndDuplicateNothing() throws Exception {
    Map<String, String> env = TestStackEnv.of(dir, ADMIN_PASSWORD);
    env.put("GENERATOR_TWINS", "2");
    env.put("GENERATOR_SEED", "23");
    env.put("GENERATOR_BACKFILL_DAYS", "0");
    // maintenance as often as it can run: compaction from three files on, expiry of all but the newest 20 snapshots
    env.put("MAINTENANCE_INTERVAL_MS", "500");
    env.put("COMPACT_MIN_FILES", "3");
    env.put("SNAPSHOT_RETENTION_MS", "1000");
    String base = TestStackEnv.base(env);
    Path checkpoints = dir.resolve("data").resolve("checkpoints");

    Optional<Path> previous = Optional.empty();
    for (int stop = 1; stop <= STOPS; stop++) {
      Path log = dir.resolve("stack-" + stop + ".log");
      Process process = TestStackEnv.launch(env, log);
      try {
        await(process, log, Duration.ofSeconds(600), () -> output(log).contains("Press Ctrl-C to stop."), "start #" + stop);
        StackClient sql = StackClient.login(base, "admin", ADMIN_PASSWORD);
        long before = sql.sql("SELECT count(*) FROM health_events").get("rows").get(0).get(0).asLong();
        // under load: new readings committed in this life, and a maintenance run done in it
        await(process, log, Duration.ofSeconds(180),
            () -> sql.sql("SELECT count(*) FROM health_events").get("rows").get(0).get(0).asLong() > before
                && output(log).contains("table maintenance done"),
            "new readings and a maintenance run in start #" + stop);
        if (previous.isPresent()) {
          assertThat(output(log)).as("start #" + stop).contains("stream job resumed from " + previous.get());
        }

        process.destroy(); // SIGTERM
        // a stop waits for a maintenance run to finish the table at hand (up to 2 min), then for the savepoint
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("stop #" + stop + " ends within 300 s").isTrue();
        String out = output(log);
        assertThat(process.exitValue()).as("exit status of stop #" + stop + ":\n" + tail(out)).isZero();
        for (String unclean : UNCLEAN) {
          assertThat(out).as("stop #" + stop + " (" + log + ")").doesNotContain(unclean);
        }
        Matcher printed = SAVEPOINT.matcher(out);
        assertThat(printed.find()).as("stop #" + stop + " prints its savepoint:\n" + tail(out)).isTrue();
        Path savepoint = Path.of(printed.group(1));
        assertThat(savepoint.resolve("_metadata")).as("stop #" + stop).isRegularFile();
        assertThat(out).contains("stream job stopped with savepoint " + savepoint);
        assertThat(Checkpoints.latest(checkpoints)).as("what the next start resumes from").contains(savepoint);
        assertThat(previous).as("a new savepoint each time").isNotEqualTo(Optional.of(savepoint));
        previous = Optional.of(savepoint);
      } finally {
        if (process.isAlive()) {
          process.destroyForcibly().waitFor();
        }
      }
    }

    // one more start resumes the last savepoint; its generator stops, the job drains what is left in Kafka
    try (TwinStack stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("final.log"))))) {
      StackClient.await(Duration.ofSeconds(120), () -> stack.generator().healthProduced() > 0, "the generator's first commit");
      stack.generator().close();
      long produced = stack.generator().produced(Topics.HEALTH);
      StackClient.await(Duration.ofSeconds(180), () -> count(stack, "SELECT count(*) FROM health_events") == produced,
          "health_events to hold all " + produced + " produced readings");
      assertThat(count(stack, "SELECT count(DISTINCT event_id) FROM health_events")).isEqualTo(produced);
      assertThat(count(stack, "SELECT count(*) FROM health_events")).isEqualTo(produced);
    }
  }

  private static long count(TwinStack stack, String sql) {
    stack.history().refreshNow();
    return ((Number) stack.history().query(sql, List.of()).rows().get(0).get(0)).longValue();
  }

  private static void await(Process process, Path log, Duration timeout, BooleanSupplier condition, String what) {
    try {
      Await.until(what, timeout, Duration.ofMillis(250), () -> {
        if (!process.isAlive()) {
          throw new AssertionError("the stack process exited with " + process.exitValue() + " while waiting for " + what + ":\n"
              + tail(output(log)));
        }
        try {
          return condition.getAsBoolean();
        } catch (AssertionError notYet) {
          throw new IllegalStateException(notYet.getMessage(), notYet);
        }
      });
    } catch (IllegalStateException timedOut) {
      throw new AssertionError(timedOut.getMessage() + ":\n" + tail(output(log)), timedOut);
    }
  }


  private static String output(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
  }
}
