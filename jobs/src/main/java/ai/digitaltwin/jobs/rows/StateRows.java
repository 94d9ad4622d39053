package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.TwinState;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** A twin state snapshot as a row of {@code twin_state}: personality flattened. */
public final class StateRows implements MapFunction<TwinState, RowData> {
  @Override
  public RowData map(TwinState s) {
    Personality p = s.getPersonality();
    return GenericRowData.of(
        str(s.getEventId()),
        str(s.getTwinId()),
        ts(s.getTs()),
        s.getReadings(),
        s.getHeartRate(),
        s.getSpo2(),
        s.getSystolicBp(),
        s.getBodyTempC(),
        s.getHrBaseline(),
        s.getHrBaselineSd(),
        s.getRestingHr(),
        s.getBaselineConfidence(),
        str(s.getActivity()),
        str(s.getMood()),
        s.getMoodScore(),
        s.getStress(),
        s.getEnergy(),
        str(s.getStatus()),
        p == null ? null : p.getOpenness(),
        p == null ? null : p.getConscientiousness(),
        p == null ? null : p.getExtraversion(),
        p == null ? null : p.getAgreeableness(),
        p == null ? null : p.getNeuroticism(),
        str(s.getDriftCause()),
        s.getRestingHrDay(),
        s.getStepsToday(),
        s.getSleepHours(),
        s.getSleepRegularity(),
        str(s.getActivityMix()),
        str(s.getRoutine()),
        s.getChatSentiment());
  }
}
