package ai.digitaltwin.api.history;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;

/**
 * A small DuckDB table of rows this API wrote to Kafka that Iceberg does not show yet, and a view that
 * is the Iceberg view plus those rows. Rows leave the result as soon as Iceberg has the same
 * {@code event_id}, so nothing is counted twice and the overlay only bridges the commit delay.
 */
public final class OverlayTable {
  private OverlayTable() {}

  /** Statements creating {@code overlay} shaped like {@code schema} and the view {@code live}. */
  public static List<String> ddl(String icebergView, Schema schema, String overlay, String live) {
    String columns =
        schema.columns().stream()
            .map(f -> ViewDefinitions.quote(f.name()) + " " + ViewDefinitions.duckType(f.type()))
            .collect(Collectors.joining(", "));
    return List.of(
        "CREATE TABLE " + ViewDefinitions.quote(overlay) + " (" + columns + ")",
        "CREATE VIEW " + ViewDefinitions.quote(live) + " AS SELECT * FROM " + ViewDefinitions.quote(icebergView)
            + " UNION ALL BY NAME SELECT * FROM " + ViewDefinitions.quote(overlay)
            + " WHERE event_id NOT IN (SELECT event_id FROM " + ViewDefinitions.quote(icebergView) + ")");
  }

  /** Deletes overlay rows Iceberg now has. */
  public static String prune(String icebergView, String overlay) {
    return "DELETE FROM " + ViewDefinitions.quote(overlay) + " WHERE event_id IN (SELECT event_id FROM "
        + ViewDefinitions.quote(icebergView) + ")";
  }
}
