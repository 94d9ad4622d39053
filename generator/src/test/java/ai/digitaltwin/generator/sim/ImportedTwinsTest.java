package ai.digitaltwin.generator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedTwinsTest {
  static final Instant T0 = Instant.parse("2026-05-04T00:00:00Z");
  static final Profile ADA = new Profile("Ada", 36, "female", "Researcher", List.of(), "Europe/London");
  static final Personality TRAITS = new Personality(0.9, 0.7, 0.3, 0.6, 0.3);

  @Test
  void aTwinMarkedAsImportedIsNeverSimulatedEvenAfterEdits() {
    Simulation sim = new Simulation(new SimSettings(7, T0.toEpochMilli(), 60, 0, 0, 0, 15));
    sim.apply(new TwinRegistryEvent("e1", "real-1", T0, "imported", null, null, "admin", null, "imported"));
    sim.apply(new TwinRegistryEvent("e2", "real-1", T0, "updated", ADA, TRAITS, "admin", null, "BFI-10"));
    sim.apply(new TwinRegistryEvent("e3", "sim-1", T0, "created", ADA, TRAITS, "admin", 3L, null));
    assertThat(sim.people()).extracting(p -> p.twinId()).containsExactly("sim-1");

    // once deleted, the id is free again: a later simulated twin of that id is simulated
    sim.apply(new TwinRegistryEvent("e4", "real-1", T0, "deleted", null, null, "admin", null, null));
    sim.apply(new TwinRegistryEvent("e5", "real-1", T0, "created", ADA, TRAITS, "admin", 4L, null));
    assertThat(sim.people()).extracting(p -> p.twinId()).containsExactly("real-1", "sim-1");
  }
}
