package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.OverlayTable;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read-your-writes for twin edits: a registry event this API sent to Kafka is also put in a DuckDB
 * overlay, and every twin query reads {@link #LIVE_VIEW} (Iceberg plus the overlay) until the stream
 * job's commit brings the same event into Iceberg. Per replica: another replica sees the edit after
 * the commit, one checkpoint later.
 */
public final class RecentRegistry {
  public static final String OVERLAY = "recent_registry";
  public static final String LIVE_VIEW = "twin_registry_live";

  private static final String INSERT =
      "INSERT INTO " + OVERLAY + " (event_id, twin_id, ts, action, name, age, sex, occupation, interests,"
          + " timezone, openness, conscientiousness, extraversion, agreeableness, neuroticism, owner, seed, reason)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, from_json(?, '[\"VARCHAR\"]'), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwinHistory history;
  private final AtomicLong edits = new AtomicLong();

  public RecentRegistry(TwinHistory history) {
    this.history = history;
  }

  /** What the trusted database must run once its views exist. */
  public static List<String> ddl() {
    return OverlayTable.ddl(Tables.TWIN_REGISTRY, TableDefinitions.TWIN_REGISTRY, OVERLAY, LIVE_VIEW);
  }

  /**
   * How many edits went into the overlay so far (counted once done): a registry answer computed after
   * reading this and the registry's snapshot id is current while neither changed. Pruning does not
   * count, since it only drops rows Iceberg already shows.
   */
  public long edits() {
    return edits.get();
  }

  public void add(TwinRegistryEvent event) {
    try {
      insert(event);
    } finally {
      // after the change, so that whoever reads the new count also reads the change
      edits.incrementAndGet();
    }
  }

  private void insert(TwinRegistryEvent event) {
    history.update(OverlayTable.prune(Tables.TWIN_REGISTRY, OVERLAY), List.of());
    Profile p = event.getProfile();
    Personality t = event.getPersonality();
    history.update(
        INSERT,
        Arrays.asList(
            event.getEventId(),
            event.getTwinId(),
            event.getTs().atOffset(ZoneOffset.UTC),
            event.getAction(),
            p == null ? null : p.getName(),
            p == null ? null : p.getAge(),
            p == null ? null : p.getSex(),
            p == null ? null : p.getOccupation(),
            p == null ? null : json(p.getInterests()),
            p == null ? null : p.getTimezone(),
            t == null ? null : t.getOpenness(),
            t == null ? null : t.getConscientiousness(),
            t == null ? null : t.getExtraversion(),
            t == null ? null : t.getAgreeableness(),
            t == null ? null : t.getNeuroticism(),
            event.getOwner(),
            event.getSeed(),
            event.getReason()));
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
