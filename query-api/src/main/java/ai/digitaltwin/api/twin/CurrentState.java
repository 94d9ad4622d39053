package ai.digitaltwin.api.twin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The {@code state} of {@code GET /twins/{id}}: the twin's newest {@code twin_state} row, or, before the
 * stream job sent its first, what is known from its readings ({@link WarmingUp}).
 */
public sealed interface CurrentState permits StateRow, CurrentState.WarmingUp {
  /**
   * A twin before its first state: status {@value TwinService#WARMING_UP}, marked as coming from the
   * readings, with the vitals a state shows ({@link #STATE_VITALS}) of its newest reading; before its first
   * reading those keys are left out (not null).
   */
  record WarmingUp(String status, String from, @JsonUnwrapped Reading newest) implements CurrentState {
    /** The columns of a reading a twin state shows too. */
    static final List<String> STATE_VITALS =
        List.of("ts", "heart_rate", "spo2", "systolic_bp", "body_temp_c", "stress", "energy", "activity");

    static WarmingUp of(Reading newest) {
      return new WarmingUp(TwinService.WARMING_UP, "readings", newest == null ? null : newest.only(STATE_VITALS));
    }
  }
}
