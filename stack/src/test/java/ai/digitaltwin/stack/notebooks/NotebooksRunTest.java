package ai.digitaltwin.stack.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.stack.StackClient;
import ai.digitaltwin.stack.TestStackEnv;
import ai.digitaltwin.stack.TwinStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in {@code notebooks/} runs headless against the real embedded stack, twice: seeded (two
 * days of twenty twins from a fixed start, anomalies injected at eight times the usual rate so each
 * detector has ground truth to be measured against), and as {@code ./twin up} starts it (default twins,
 * seed, anomaly rate, real-time speed and day of history) with a twin a user has just created, run by
 * {@code ./twin notebooks --run} with nothing configured. A failed cell (an assertion included) fails
 * the test with the notebook's output.
 */
class NotebooksRunTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z"); // a Monday: weekdays and a routine
  static final Duration HISTORY = Duration.ofDays(2);
  static final String ADMIN_PASSWORD = "notebook-runner-admin-pw";

  @TempDir Path dir;

  private Map<String, String> env() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    env.put("GENERATOR_SEED", "2026");
    env.put("GENERATOR_TWINS", "20");
    env.put("GENERATOR_START", T0.toString());
    env.put("GENERATOR_END", T0.plus(HISTORY).toString());
    env.put("GENERATOR_ANOMALY_RATE", "8");
    env.put("CHECKPOINT_INTERVAL_MS", "2000");
    // the stack's own rollups, soon: 01_twin_history checks daily_summaries' days against the readings
    env.put("ROLLUP_INTERVAL_MS", "5000");
    env.put("SNAPSHOT_POLL_MS", "300");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JWT_SECRET", "notebook-runner-signing-key-0123456789abcdef");
    return env;
  }

  @Test
  void everyNotebookRunsHeadlessAgainstASeededStack() throws Exception {
    assertThat(Nbconvert.missing())
        .as("Debian's Jupyter for /usr/bin/python3 (.ci/test installs jupyter-nbconvert python3-ipykernel "
            + "python3-pandas python3-matplotlib)")
        .isNull();
    List<Path> notebooks = Notebooks.all();
    assertThat(notebooks).isNotEmpty();
    Path executed = Path.of("target", "notebooks").toAbsolutePath();
    Map<String, String> env = env();
    try (PrintStream log = new PrintStream(Files.newOutputStream(dir.resolve("stack.log")));
        TwinStack stack = TwinStack.start(env, log)) {
      String base = "http://127.0.0.1:" + stack.apiPort();
      Seeded.awaitCommitted(stack.generator(), AnalystSql.login(base, "admin", ADMIN_PASSWORD), Duration.ofMinutes(5));

      Map<String, String> analyst = new HashMap<>();
      analyst.put("TWIN_API", base);
      analyst.put("TWIN_USER", "admin");
      analyst.put("TWIN_PASSWORD", ADMIN_PASSWORD);
      List<String> failures = new ArrayList<>();
      for (Path notebook : notebooks) {
        Nbconvert.Run run = Nbconvert.execute(notebook, executed, analyst);
        System.out.printf("%s: exit %d in %d s%n", notebook.getFileName(), run.exitCode(), run.took().toSeconds());
        if (!run.ok()) {
          failures.add(notebook.getFileName() + " exited " + run.exitCode() + ":\n" + tail(run.output(), 6000));
        }
      }
      assertThat(failures).as("notebooks that failed (executed copies in " + executed + ")").isEmpty();
    }
  }

  @Test
  void everyNotebookRunsOnADefaultStackWithAUserCreatedTwinThroughTheLauncher() throws Exception {
    assertThat(Nbconvert.missing()).as("Debian's Jupyter for /usr/bin/python3").isNull();
    Map<String, String> env = TestStackEnv.of(dir, "unused");
    // as a user starts it: the admin password generated into the data directory, the default data set at
    // real-time speed after its day of history, a silent topic idle after the default 30 s
    env.remove("ADMIN_PASSWORD");
    env.remove("JWT_SECRET");
    env.remove("GENERATOR_SPEED");
    env.remove("SOURCE_IDLENESS_MS");
    try (PrintStream log = new PrintStream(Files.newOutputStream(dir.resolve("stack.log")));
        TwinStack stack = TwinStack.start(env, log)) {
      String base = "http://127.0.0.1:" + stack.apiPort();
      String password = Files.readString(stack.adminPasswordFile()).strip();
      StackClient admin = StackClient.login(base, "admin", password);
      // the day of history a first start makes, in the readings (live readings keep coming after it)
      StackClient.await(Duration.ofMinutes(5),
          () -> !stack.generator().simulatedTime().isBefore(stack.generator().startTime().plus(Duration.ofDays(1))),
          "the generator's day of history");
      long history = stack.generator().healthProduced();
      AnalystSql sql = AnalystSql.login(base, "admin", password);
      StackClient.await(Duration.ofMinutes(5), () -> sql.count("health_events") >= history, history + " readings in health_events");
      // the notebooks look an hour behind what twin state has folded: it must be past the history's first
      // hours, not through it (the notebooks run while it catches up)
      StackClient.await(Duration.ofMinutes(5),
          () -> sql.number("SELECT coalesce(CAST(epoch(max(ts)) - epoch(min(ts)) AS BIGINT), 0) FROM twin_state") >= 2 * 3600,
          "twin_state two hours into the history");
      String twin =
          admin.call("POST", "/api/v1/twins", Map.of(
                  "profile", Map.of("name", "Notebook Reader", "age", 34, "sex", "female", "occupation", "Teacher",
                      "interests", List.of("reading"), "timezone", "Europe/Berlin"),
                  "personality", Map.of("openness", 0.6, "conscientiousness", 0.5, "extraversion", 0.4,
                      "agreeableness", 0.7, "neuroticism", 0.3)))
              .get("twin_id").asText();
      StackClient.await(Duration.ofMinutes(2), () -> sql.number("SELECT count(*) FROM twin_registry WHERE twin_id = '" + twin + "'") > 0,
          twin + " in twin_registry");

      // nothing but where the stack listens and keeps its data, as ./twin notebooks finds them
      ProcessBuilder launcher =
          new ProcessBuilder("bash", Notebooks.folder().getParent().resolve("twin").toString(), "notebooks", "--run")
              .directory(Notebooks.folder().getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("notebooks.log").toFile());
      launcher.environment().keySet().removeIf(k -> k.startsWith("TWIN_") || k.equals("ADMIN_PASSWORD"));
      launcher.environment().put("PORT", env.get("PORT"));
      launcher.environment().put("TWIN_DATA_DIR", env.get("TWIN_DATA_DIR"));
      Process run = launcher.start();
      boolean ended = run.waitFor(20, TimeUnit.MINUTES);
      if (!ended) {
        run.destroyForcibly().waitFor();
      }
      String output = Files.readString(dir.resolve("notebooks.log"));
      assertThat(ended && run.exitValue() == 0).as("./twin notebooks --run:\n" + tail(output, 8000)).isTrue();
      assertThat(output).contains("Every notebook ran");
      Path executed = Path.of(env.get("TWIN_DATA_DIR")).resolve("notebooks");
      for (Path notebook : Notebooks.all()) {
        assertThat(executed.resolve(notebook.getFileName())).isRegularFile();
      }
      // the cohorts name the new twin as too young for per-day figures instead of failing on it
      assertThat(Files.readString(executed.resolve("03_cohorts.ipynb")))
          .contains("left out, less than half a day of readings: ['" + twin + "']");
    }
  }

  private static String tail(String text, int chars) {
    return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
  }
}
