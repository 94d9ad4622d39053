package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Changes to twins are events: each is a {@link TwinRegistryEvent} on the registry topic (the generator
 * starts, changes or stops simulating the twin; the stream job writes it to Iceberg, so every version
 * stays in history), acknowledged by Kafka before the answer, then shown at once through
 * {@link RecentRegistry}.
 */
public final class TwinWriter {
  private final EventProducer events;
  private final RecentRegistry recent;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TwinWriter(EventProducer events, RecentRegistry recent, Clock clock) {
    this.events = events;
    this.recent = recent;
    this.clock = clock;
  }

  public String create(String owner, Profile profile, Personality personality, Long seed, String reason) {
    byte[] id = new byte[6];
    random.nextBytes(id);
    String twinId = "twin-" + HexFormat.of().formatHex(id);
    write(event(twinId, "created", profile, personality, owner, seed == null ? random.nextLong() : seed, reason));
    return twinId;
  }

  /**
   * A real person's twin under the given id, fed by imports only: action {@code imported}, the profile
   * the person gave (name and time zone), no personality or generator seed. The generator never
   * simulates a twin whose first registry event is {@code imported}, whatever edits follow.
   */
  public void imported(String twinId, String owner, Profile profile, String reason) {
    write(event(twinId, "imported", profile, null, owner, null, reason));
  }

  public void update(String twinId, String owner, Profile profile, Personality personality, Long seed, String reason) {
    write(event(twinId, "updated", profile, personality, owner, seed, reason));
  }

  public void delete(String twinId, String owner, Long seed, String reason) {
    write(event(twinId, "deleted", null, null, owner, seed, reason));
  }

  private TwinRegistryEvent event(
      String twinId, String action, Profile profile, Personality personality, String owner, Long seed, String reason) {
    return new TwinRegistryEvent(
        UUID.randomUUID().toString(), twinId, clock.instant(), action, profile, personality, owner, seed, reason);
  }

  private void write(TwinRegistryEvent event) {
    events.send(Topics.REGISTRY, event.getTwinId(), event);
    recent.add(event);
  }
}
