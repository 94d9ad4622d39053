package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.generator.person.PersonFactory;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The registry events that create the demo twins at a generator's first start. */
public final class DemoTwins {
  private DemoTwins() {}

  public static List<TwinRegistryEvent> created(int count, long seed, long startMillis) {
    List<TwinRegistryEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Person person = PersonFactory.demo(i, seed);
      events.add(new TwinRegistryEvent(Seeds.eventId(person.seed(), -1, EventKind.REGISTRY, 0), person.twinId(),
          Instant.ofEpochMilli(startMillis), "created", person.profile(), person.personality(), null, person.seed(),
          "demo twin created at the generator's first start"));
    }
    return events;
  }
}
