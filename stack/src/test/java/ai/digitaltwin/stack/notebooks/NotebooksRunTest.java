package ai.digitaltwin.stack.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.kafka.FreePorts;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in {@code notebooks/} runs headless against the real embedded stack, seeded: two days
 * of twenty twins from a fixed start, anomalies injected at eight times the usual rate so each
 * detector has ground truth to be measured against. One stack serves all notebooks; a failed cell
 * (an assertion included) fails this test with the notebook's output.
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

  private static String tail(String text, int chars) {
    return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
  }
}
