package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.strings;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** A registry change as a row of {@code twin_registry}: profile and personality flattened. */
public final class RegistryRows implements MapFunction<Consumed<TwinRegistryEvent>, RowData> {
  @Override
  public RowData map(Consumed<TwinRegistryEvent> in) {
    TwinRegistryEvent e = in.event();
    Profile p = e.getProfile();
    Personality b = e.getPersonality();
    return GenericRowData.of(
        str(e.getEventId()),
        str(e.getTwinId()),
        ts(e.getTs()),
        str(e.getAction()),
        p == null ? null : str(p.getName()),
        p == null ? null : p.getAge(),
        p == null ? null : str(p.getSex()),
        p == null ? null : str(p.getOccupation()),
        p == null ? null : strings(p.getInterests()),
        p == null ? null : str(p.getTimezone()),
        b == null ? null : b.getOpenness(),
        b == null ? null : b.getConscientiousness(),
        b == null ? null : b.getExtraversion(),
        b == null ? null : b.getAgreeableness(),
        b == null ? null : b.getNeuroticism(),
        str(e.getOwner()),
        e.getSeed(),
        str(e.getReason()));
  }
}
