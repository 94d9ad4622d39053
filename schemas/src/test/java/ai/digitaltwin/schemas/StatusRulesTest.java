package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusRulesTest {
  @Test
  void theMostUrgentBrokenRuleIsTheStatusAndEveryBrokenRuleAFlag() {
    assertThat(StatusRules.flags(118.0, 0.9, 0.2)).containsExactly("elevated_hr", "high_stress", "low_energy");
    assertThat(StatusRules.status(118.0, 0.9, 0.2)).isEqualTo("elevated_hr");
    assertThat(StatusRules.status(72.0, 0.9, 0.2)).isEqualTo("high_stress");
    assertThat(StatusRules.status(72.0, 0.5, 0.2)).isEqualTo("low_energy");
  }

  @Test
  void boundariesAndMissingValuesBreakNoRule() {
    assertThat(StatusRules.flags(100.0, 0.8, 0.3)).containsExactly("normal");
    assertThat(StatusRules.flags(null, null, null)).containsExactly("normal");
    assertThat(StatusRules.status(41.0, 0.2, 0.6)).isEqualTo("normal");
  }
}
