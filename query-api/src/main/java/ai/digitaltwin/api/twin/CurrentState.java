package ai.digitaltwin.api.twin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The {@code state} of {@code GET /twins/{id}}: the twin's newest {@code twin_state} row, or, before the
 * stream job sent its first, what is known from its readings ({@link WarmingUp}).
 */
public sealed interface CurrentState permits StateRow, CurrentState.WarmingUp {
  /**
   * A twin before its first state: status {@value TwinService#WARMING_UP}, marked as coming from the
   * readings, with the vitals of its newest reading; before its first reading those keys are left out
   * (not null), so {@code newest} is unwrapped only when there is one.
   */
  record WarmingUp(String status, String from, @JsonUnwrapped Vitals newest) implements CurrentState {
    static WarmingUp of(Reading newest) {
      return new WarmingUp(TwinService.WARMING_UP, "readings", newest == null ? null : Vitals.of(newest));
    }
  }

  /** The vitals of a reading a warming-up twin shows. */
  record Vitals(
      String ts,
      Double heartRate,
      Double spo2,
      Double systolicBp,
      Double bodyTempC,
      Double stress,
      Double energy,
      String activity) {
    static Vitals of(Reading r) {
      return new Vitals(r.ts(), r.heartRate(), r.spo2(), r.systolicBp(), r.bodyTempC(), r.stress(), r.energy(), r.activity());
    }
  }
}
