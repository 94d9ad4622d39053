package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnomalyTypesTest {
  @Test
  void everyTypeTravelsAsItsSymbolInLowerCaseAndParsesBack() {
    assertThat(AnomalyTypes.wire(AnomalyType.RESTING_HR_ELEVATION)).isEqualTo("resting_hr_elevation");
    for (AnomalyType t : AnomalyType.values()) {
      assertThat(AnomalyTypes.parse(AnomalyTypes.wire(t))).isSameAs(t);
    }
  }

  @Test
  void anUnknownNameSaysWhichNamesAreKnown() {
    assertThatThrownBy(() -> AnomalyTypes.parse("TACHYCARDIA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown anomaly type 'TACHYCARDIA'")
        .hasMessageContaining("tachycardia, bradycardia");
  }

  @Test
  void onlyTheSensorTypesAreSensorFaults() {
    assertThat(AnomalyType.values()).filteredOn(AnomalyTypes::sensorFault).containsExactly(
        AnomalyType.SENSOR_FLATLINE, AnomalyType.SENSOR_DROPOUT, AnomalyType.SENSOR_SPIKE);
  }
}
