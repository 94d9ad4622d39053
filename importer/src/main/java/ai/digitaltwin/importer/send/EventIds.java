package ai.digitaltwin.importer.send;

import ai.digitaltwin.importer.Reading;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The event id of an imported sample: a name-based UUID of the twin and the sample itself (signal, time
 * to the millisecond, value, origin). The same file imported again gives the same ids, which the API
 * finds in history and leaves out; two different samples never share one.
 */
public final class EventIds {
  private EventIds() {}

  public static String of(String twinId, Reading r) {
    String name = twinId + "|" + r.metric().field() + "|" + r.ts().toEpochMilli() + "|" + r.value() + "|" + r.origin();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
