package ai.digitaltwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite in the regular build: the short form of every scenario against the real stack
 * ({@code -Dreliability.full=true} for the long forms). Fails with the whole table when any row fails.
 */
class ReliabilitySuiteTest {
  /**
   * Rows that report a defect found by the suite and not fixed yet. They still print FAIL in the table and
   * the JSON, and ./twin reliability still exits non-zero; the build does not stop on them. Remove a row
   * from here once its defect is fixed.
   */
  static final Map<String, String> KNOWN_DEFECTS =
      Map.of(
          "crash: same day aggregates",
          "TwinModel rolls the day over on the first input of the next day from either topic, so day aggregates and the "
              + "end-of-day trait drift depend on how health and behaviour events interleave, which a restart changes");

  @TempDir Path work;

  @Test
  void everyScenarioMeetsItsExpectation() throws Exception {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
    SuiteConfig config = SuiteConfig.fromProperties(props);
    List<Outcome> outcomes = new Suite(config, System.out).run(work);
    String table = Report.table(outcomes);
    System.out.print(table);
    Report.writeJson(outcomes, config, config.outDir());
    assertThat(outcomes).isNotEmpty();
    outcomes.stream()
        .filter(o -> !o.passed() && KNOWN_DEFECTS.containsKey(o.scenario()))
        .forEach(o -> System.out.println("known defect, not failing the build: " + o.scenario() + ": " + KNOWN_DEFECTS.get(o.scenario())));
    assertThat(outcomes).as(table).allMatch(o -> o.passed() || KNOWN_DEFECTS.containsKey(o.scenario()));
  }
}
