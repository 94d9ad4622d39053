package ai.digitaltwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.config.Env;
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
  @TempDir Path work;

  @Test
  void everyScenarioMeetsItsExpectation() throws Exception {
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
    SuiteConfig config = SuiteConfig.fromProperties(Env.of(props));
    List<Outcome> outcomes = new Suite(config, System.out).run(work);
    String table = Report.table(outcomes);
    System.out.print(table);
    Report.writeJson(outcomes, config, config.outDir());
    assertThat(outcomes).isNotEmpty();
    assertThat(outcomes).as(table).allMatch(Outcome::passed);
  }
}
