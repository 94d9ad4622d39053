package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.types.RecordTypes;
import ai.digitaltwin.schemas.BehaviorEvent;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** What the twin state reads of a {@link BehaviorEvent}. */
public record BehaviorChange(String kind, String activity, String previousActivity, double stress, double energy) {

  static final TypeInformation<BehaviorChange> TYPE =
      RecordTypes.of(
          BehaviorChange.class,
          Map.of(
              "kind", Types.STRING,
              "activity", Types.STRING,
              "previousActivity", Types.STRING,
              "stress", Types.DOUBLE,
              "energy", Types.DOUBLE));

  static BehaviorChange of(BehaviorEvent e) {
    return new BehaviorChange(e.getKind(), e.getActivity(), e.getPreviousActivity(), e.getStress(), e.getEnergy());
  }
}
