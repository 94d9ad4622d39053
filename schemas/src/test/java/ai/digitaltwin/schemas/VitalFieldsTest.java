package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class VitalFieldsTest {
  @Test
  void theVitalsOfAHealthReadingAreItsFieldsWithARange() {
    assertThat(VitalFields.health().keySet())
        .containsExactly("heart_rate", "systolic_bp", "diastolic_bp", "spo2", "body_temp_c", "resp_rate", "hrv_ms",
            "steps", "stress", "energy", "resting_hr");
    assertThat(VitalFields.health("event_id")).isNull();
    assertThat(VitalFields.health("activity")).isNull();
  }

  @Test
  void aVitalKnowsItsPositionRangeAndWholeness() {
    VitalFields.Vital heartRate = VitalFields.health("heart_rate");
    VitalFields.Vital steps = VitalFields.health("steps");

    assertThat(heartRate.pos()).isEqualTo(HealthEvent.getClassSchema().getField("heart_rate").pos());
    assertThat(heartRate.range()).isEqualTo("20..250");
    assertThat(heartRate.whole()).isFalse();
    assertThat(heartRate.inRange(250)).isTrue();
    assertThat(heartRate.inRange(250.5)).isFalse();
    assertThat(heartRate.inRange(Double.NaN)).isFalse();
    assertThat(heartRate.unit()).isEqualTo("count/min");
    assertThat(steps.whole()).isTrue();
    assertThat(steps.unit()).isEqualTo("count");
    assertThat(VitalFields.health("stress").unit()).isEmpty();
    assertThat(VitalFields.health("stress").range()).isEqualTo("0..1");
  }

  @Test
  void aVitalWithoutAUnitIsAMistakeOfTheSchema() {
    Schema wrong =
        new Schema.Parser()
            .parse("{\"type\": \"record\", \"name\": \"R\", \"fields\": ["
                + "{\"name\": \"pulse\", \"type\": \"double\", \"range\": [0, 1]}]}");

    assertThatThrownBy(() -> VitalFields.of(wrong)).hasMessageContaining("R.pulse");
  }

  @Test
  void aRangeOnAFieldThatHoldsNoNumberIsAMistakeOfTheSchema() {
    Schema wrong =
        new Schema.Parser()
            .parse("{\"type\": \"record\", \"name\": \"R\", \"fields\": ["
                + "{\"name\": \"activity\", \"type\": \"string\", \"range\": [0, 1], \"unit\": \"\"}]}");

    assertThatThrownBy(() -> VitalFields.of(wrong)).hasMessageContaining("R.activity");
  }
}
