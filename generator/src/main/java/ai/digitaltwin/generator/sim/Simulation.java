package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.generator.person.PersonFactory;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * All simulated twins, stepped tick by tick in twin-id order. Registry changes applied before a tick take
 * effect from that tick on. Deterministic: the same settings and the same changes at the same ticks give
 * the same events.
 */
public final class Simulation {
  private final SimSettings settings;
  private final Map<String, TwinSim> twins = new TreeMap<>();
  /** Real people's twins (registry action {@code imported}): their history comes from imports, never from here. */
  private final Set<String> imported = new HashSet<>();
  /** The twins in id order, made again after a change: a tick walks an array rather than the tree. */
  private TwinSim[] order;

  public Simulation(SimSettings settings) {
    this.settings = settings;
  }

  public SimSettings settings() {
    return settings;
  }

  /** A twin joins, changes or leaves. An edit keeps the twin's current activity, mood and vitals. */
  public void apply(TwinRegistryEvent event) {
    String id = event.getTwinId();
    switch (event.getAction()) {
      case "imported" -> imported.add(id);
      case "created", "updated" -> {
        if (imported.contains(id)) {
          return; // an edit of a real person's twin (its name, its traits) starts no simulation
        }
        Person person = person(event);
        TwinSim existing = twins.get(id);
        if (existing == null) {
          twins.put(id, new TwinSim(person, settings));
          order = null;
        } else {
          existing.update(person);
        }
      }
      case "deleted" -> {
        imported.remove(id);
        twins.remove(id);
        order = null;
      }
      default -> { } // an action this version does not know changes nothing here
    }
  }

  public void add(Person person) {
    twins.put(person.twinId(), new TwinSim(person, settings));
    order = null;
  }

  public void step(long tick, Emitter out) {
    if (order == null) {
      order = twins.values().toArray(TwinSim[]::new);
    }
    for (TwinSim twin : order) {
      twin.step(tick, out);
    }
  }

  public int size() {
    return twins.size();
  }

  public Collection<Person> people() {
    return twins.values().stream().map(TwinSim::person).toList();
  }

  private Person person(TwinRegistryEvent event) {
    String id = event.getTwinId();
    long seed = event.getSeed() != null ? event.getSeed() : Seeds.twin(settings.seed(), id);
    if (event.getProfile() == null) {
      TwinSim existing = twins.get(id);
      return existing != null ? existing.person() : PersonFactory.random(id, seed);
    }
    Personality personality = event.getPersonality();
    if (personality == null) {
      TwinSim existing = twins.get(id);
      personality = existing != null ? existing.person().personality() : PersonFactory.random(id, seed).personality();
    }
    return PersonFactory.of(id, seed, event.getProfile(), personality);
  }
}
