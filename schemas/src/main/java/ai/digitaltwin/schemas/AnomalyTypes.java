package ai.digitaltwin.schemas;

import java.util.Arrays;
import java.util.Locale;

/**
 * The wire names of {@link AnomalyType}: a type travels as its symbol in lower case ({@code
 * resting_hr_elevation}) in {@code Anomaly.type} and {@code GroundTruthEpisode.type}, which stay strings
 * so a reader never fails on a type added after it was built.
 */
public final class AnomalyTypes {
  private static final String SENSOR = "SENSOR_";
  /** By ordinal: the detectors look names up on every reading, so they are made once. */
  private static final String[] WIRE =
      Arrays.stream(AnomalyType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  private AnomalyTypes() {}

  public static String wire(AnomalyType type) {
    return WIRE[type.ordinal()];
  }

  /** The type a wire name names; an unknown name is an {@link IllegalArgumentException} that lists the known ones. */
  public static AnomalyType parse(String wire) {
    for (AnomalyType t : AnomalyType.values()) {
      if (WIRE[t.ordinal()].equals(wire)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown anomaly type '" + wire + "' (known: "
        + Arrays.asList(WIRE) + ")");
  }

  /** A fault of the device (flat-line, drop-out, spike), not of the person's health. */
  public static boolean sensorFault(AnomalyType type) {
    return type.name().startsWith(SENSOR);
  }
}
