package ai.digitaltwin.reliability.crash;

import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run left in its tables, read through the API's SQL endpoint: rows, distinct event ids and a
 * fingerprint of the rows' content (Kafka offsets excluded: a killed producer's aborted transactions
 * shift them), so two runs can be compared without moving every row.
 */
record TableStats(String table, long rows, long distinctIds, String fingerprint) {

  /** The raw tables and the topic each is filled from. */
  static final Map<String, String> RAW =
      Map.of(
          Tables.HEALTH_EVENTS, Topics.HEALTH.name(),
          Tables.BEHAVIOR_EVENTS, Topics.BEHAVIOR.name(),
          Tables.GROUND_TRUTH, Topics.GROUND_TRUTH.name());

  static final List<String> RAW_ORDER = List.of(Tables.HEALTH_EVENTS, Tables.BEHAVIOR_EVENTS, Tables.GROUND_TRUTH);

  static TableStats read(ApiClient api, String token, String table) {
    String exclude = table.equals(Tables.HEALTH_EVENTS) ? " EXCLUDE (kafka_partition, kafka_offset)" : "";
    JsonNode row =
        api.sql(token, "SELECT count(*), count(DISTINCT event_id), CAST(bit_xor(hash(CAST(t AS VARCHAR))) AS VARCHAR) FROM (SELECT *"
            + exclude + " FROM " + table + ") t").get("rows").get(0);
    return new TableStats(table, row.get(0).asLong(), row.get(1).asLong(), row.get(2).asText());
  }

  static List<TableStats> readAll(ApiClient api, String token) {
    List<TableStats> out = new ArrayList<>();
    for (String table : RAW_ORDER) {
      out.add(read(api, token, table));
    }
    return out;
  }

  /** The newest twin_state row of every twin, column name to value, in twin order. */
  static Map<String, Map<String, String>> finalStates(ApiClient api, String token) {
    JsonNode answer =
        api.sql(token, "SELECT * EXCLUDE (event_id) FROM " + Tables.TWIN_STATE
            + " QUALIFY row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, readings DESC) = 1 ORDER BY twin_id");
    List<String> columns = new ArrayList<>();
    answer.get("columns").forEach(c -> columns.add(c.asText()));
    Map<String, Map<String, String>> states = new LinkedHashMap<>();
    for (JsonNode r : answer.get("rows")) {
      Map<String, String> state = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        state.put(columns.get(i), r.get(i).isNull() ? null : r.get(i).asText());
      }
      states.put(state.get("twin_id"), state);
    }
    return states;
  }

  /** Health readings per twin in health_events. */
  static Map<String, Long> readingsByTwin(ApiClient api, String token) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode r : api.sql(token, "SELECT twin_id, count(*) FROM " + Tables.HEALTH_EVENTS + " GROUP BY twin_id ORDER BY twin_id").get("rows")) {
      counts.put(r.get(0).asText(), r.get(1).asLong());
    }
    return counts;
  }

  /** Counts the generator committed, by table; filled from its checkpoint once it has finished. */
  static final class Expected {
    private final Map<String, Long> byTable = new LinkedHashMap<>();

    void fill(Map<String, Long> producedByTopic) {
      for (String table : RAW_ORDER) {
        byTable.put(table, producedByTopic.getOrDefault(RAW.get(table), 0L));
      }
    }

    Map<String, Long> byTable() {
      return byTable;
    }

    boolean landed(ApiClient api, String token) {
      for (Map.Entry<String, Long> e : byTable.entrySet()) {
        if (api.sqlLong(token, "SELECT count(*) FROM " + e.getKey()) < e.getValue()) {
          return false;
        }
      }
      return true;
    }
  }
}
