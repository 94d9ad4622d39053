package ai.digitaltwin.generator.person;

import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import java.time.ZoneId;

/** Who a twin is: the stable facts the simulation reads. Immutable; a registry edit makes a new one. */
public record Person(
    String twinId,
    long seed,
    Profile profile,
    Personality personality,
    Baseline baseline,
    Occupation occupation,
    ZoneId zone) {

  /** The Big Five in the fixed order O, C, E, A, N. */
  public double[] traits() {
    return new double[] {
      personality.getOpenness(),
      personality.getConscientiousness(),
      personality.getExtraversion(),
      personality.getAgreeableness(),
      personality.getNeuroticism()
    };
  }
}
