package ai.digitaltwin.importer;

import java.time.ZoneId;

/**
 * What parsers need besides the bytes: the zone of timestamps that carry none, the person to read from a
 * file of many (null: the file's only or first person), and the largest zip entry that may be unpacked.
 */
public record ImportContext(ZoneId zone, String user, long maxEntryBytes) {
  public static final long DEFAULT_MAX_ENTRY_BYTES = 16L << 30;
}
