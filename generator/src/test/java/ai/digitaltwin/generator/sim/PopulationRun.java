package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.generator.person.PersonFactory;
import java.util.ArrayList;
import java.util.List;

/** A seeded population of random people, simulated without Kafka, events streamed to an emitter. */
final class PopulationRun {
  private PopulationRun() {}

  static List<Person> people(long seed, int twins) {
    List<Person> people = new ArrayList<>(twins);
    for (int i = 0; i < twins; i++) {
      String id = String.format("p-%05d", i);
      people.add(PersonFactory.random(id, Seeds.twin(seed, id)));
    }
    return people;
  }

  static void run(List<Person> people, SimSettings settings, int days, Emitter out) {
    Simulation sim = new Simulation(settings);
    people.forEach(sim::add);
    for (long t = 0; t < days * 1440L * 60 / settings.intervalSeconds(); t++) {
      sim.step(t, out);
    }
  }

  static SimSettings settings(long seed, long startMillis, double anomalyRate) {
    return new SimSettings(seed, startMillis, 60, anomalyRate, 0, 0, 15);
  }
}
