package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.types.RecordTypes;
import ai.digitaltwin.schemas.HealthEvent;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** What the twin state reads of a {@link HealthEvent}: a few vitals, nothing it does not use. */
public record Reading(
    Double heartRate,
    Double spo2,
    Double systolicBp,
    Double bodyTempC,
    Double stress,
    Double energy,
    String activity,
    int steps) {

  static final TypeInformation<Reading> TYPE =
      RecordTypes.of(
          Reading.class,
          Map.of(
              "heartRate", Types.DOUBLE,
              "spo2", Types.DOUBLE,
              "systolicBp", Types.DOUBLE,
              "bodyTempC", Types.DOUBLE,
              "stress", Types.DOUBLE,
              "energy", Types.DOUBLE,
              "activity", Types.STRING,
              "steps", Types.INT));

  static Reading of(HealthEvent e) {
    return new Reading(e.getHeartRate(), e.getSpo2(), e.getSystolicBp(), e.getBodyTempC(), e.getStress(),
        e.getEnergy(), e.getActivity(), e.getSteps());
  }
}
