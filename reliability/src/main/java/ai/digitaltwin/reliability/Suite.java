package ai.digitaltwin.reliability;

import ai.digitaltwin.reliability.auth.AuthScenario;
import ai.digitaltwin.reliability.crash.CrashRestartScenario;
import ai.digitaltwin.reliability.http.HostileHttpScenario;
import ai.digitaltwin.reliability.late.LateEventsScenario;
import ai.digitaltwin.reliability.load.LoadScenario;
import ai.digitaltwin.reliability.poison.PoisonScenario;
import ai.digitaltwin.reliability.pressure.MaintenanceScenario;
import ai.digitaltwin.reliability.pressure.MemoryScenario;
import ai.digitaltwin.reliability.sql.HostileSqlScenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the scenarios one after another and collects their rows. A scenario that throws is reported as
 * failed and the suite goes on: one broken part must not hide what the others found.
 *
 * <p>The order matters: the late-event check stops the generator to count what it produced, so it comes
 * after everything that needs a live pipeline; the memory scenario adds twins, so it comes after the
 * scenarios that count the demo twins' events.
 */
public final class Suite {
  private final SuiteConfig config;
  private final PrintStream progress;

  public Suite(SuiteConfig config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
  }

  public static List<Scenario> scenarios() {
    return List.of(
        new CrashRestartScenario(),
        new MaintenanceScenario(),
        new PoisonScenario(),
        new HostileHttpScenario(),
        new HostileSqlScenario(),
        new AuthScenario(),
        new LoadScenario(),
        new MemoryScenario(),
        new LateEventsScenario());
  }

  public List<Outcome> run(Path workDir) {
    List<Outcome> outcomes = new ArrayList<>();
    try (SuiteContext context = new SuiteContext(config, workDir)) {
      for (Scenario scenario : scenarios()) {
        if (!config.wanted(scenario.name())) {
          continue;
        }
        progress.printf("[reliability] %s ...%n", scenario.name());
        long started = System.nanoTime();
        List<Outcome> rows;
        try {
          rows = scenario.run(context);
        } catch (Exception | AssertionError e) {
          rows = List.of(Outcome.crashed(scenario.name(), e, 0));
          e.printStackTrace(progress);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Outcome row : rows) {
          Outcome timed = row.timed(seconds / rows.size());
          outcomes.add(timed);
          progress.printf("[reliability] %s: %s (%.1f s)%n", row.scenario(), row.passed() ? "pass" : "FAIL", timed.seconds());
        }
      }
    }
    return outcomes;
  }
}
