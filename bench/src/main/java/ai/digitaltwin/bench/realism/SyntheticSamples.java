package ai.digitaltwin.bench.realism;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.behavior.Moment;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generator's people as a wearer's minutes: the demo twins, seed and defaults of
 * {@code ./twin generator --twins N --seed S} from {@link #T0}, stepped in-process (no Kafka), each reading
 * put in its twin's local minute. The first and last local day of each twin are partial and left out.
 */
public final class SyntheticSamples {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private SyntheticSamples() {}

  public static Map<String, List<PersonDay>> generate(int twins, int days, long seed) {
    GeneratorConfig defaults = GeneratorConfig.fromEnv(Env.of(Map.of("GENERATOR_SEED", String.valueOf(seed))));
    SimSettings settings = new SimSettings(seed, T0.toEpochMilli(), defaults.intervalSeconds(),
        defaults.anomalyRate(), 0, 0, defaults.behaviorStepTicks());
    Simulation sim = new Simulation(settings);
    Map<String, ZoneId> zones = new HashMap<>();
    for (TwinRegistryEvent e : DemoTwins.created(twins, seed, settings.startMillis())) {
      sim.apply(e);
    }
    sim.people().forEach(p -> zones.put(p.twinId(), p.zone()));
    Minutes out = new Minutes(zones);
    long ticks = days * 86_400L / settings.intervalSeconds();
    for (long t = 0; t < ticks; t++) {
      sim.step(t, out);
    }
    Map<String, List<PersonDay>> people = new TreeMap<>();
    out.days.forEach((id, byDate) -> {
      List<PersonDay> all = new ArrayList<>(byDate.values());
      people.put(id, all.size() > 2 ? new ArrayList<>(all.subList(1, all.size() - 1)) : List.of());
    });
    return people;
  }

  /** Puts each reading into its twin's local minute. */
  private static final class Minutes implements Emitter {
    final Map<String, ZoneId> zones;
    final Map<String, TreeMap<LocalDate, PersonDay>> days = new TreeMap<>();

    Minutes(Map<String, ZoneId> zones) {
      this.zones = zones;
    }

    @Override
    public void health(Reading r) {
      Moment m = Moment.at(r.tsMillis, Moment.offsetSeconds(zones.get(r.twinId), r.tsMillis));
      LocalDate date = LocalDate.ofEpochDay(m.epochDay());
      PersonDay day = days.computeIfAbsent(r.twinId, k -> new TreeMap<>())
          .computeIfAbsent(date, d -> PersonDay.empty(r.twinId, d));
      int minute = (int) m.minuteOfDay();
      day.hr()[minute] = (float) r.heartRate;
      day.steps()[minute] = Math.max(0, day.steps()[minute]) + r.steps;
    }

    @Override
    public void health(HealthEvent event) {
      throw new IllegalStateException("the simulation gives readings, not events");
    }

    @Override
    public void behavior(BehaviorEvent event) {}

    @Override
    public void groundTruth(GroundTruthEpisode event) {}
  }
}
