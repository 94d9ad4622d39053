package ai.digitaltwin.api.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows one query returned: column names in select order, then each row's values in the same order (a
 * NULL is {@code null}). The values are as the query was asked for: JSON-friendly from
 * {@link TwinHistory#query}, JDBC's own from {@link TwinHistory#queryJdbc} (timestamps as
 * {@code OffsetDateTime}, which the chat formats itself). Immutable: rows are copied in. A service reads
 * the rows it needs into its own records once ({@link #map}, {@link #first}), by column name.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "Row has " + row.size() + " values but there are " + columns.size() + " columns");
      }
      // not List.copyOf: a row holds nulls
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The value of {@code column} in row {@code index}, or null. */
  public Object value(int index, String column) {
    int at = columns.indexOf(column);
    if (at < 0) {
      throw new IllegalArgumentException("No column " + column + " in " + columns);
    }
    return rows.get(index).get(at);
  }

  /** Every row as {@code T}, oldest index first. */
  /** Every row as a record ({@link Row#as}). */
  public <R extends Record> List<R> map(Class<R> type) {
    RowRecord<R> mapping = RowRecord.of(type);
    return map(mapping::read);
  }

  /** The first row as a record ({@link Row#as}), if there is one. */
  public <R extends Record> Optional<R> first(Class<R> type) {
    RowRecord<R> mapping = RowRecord.of(type);
    return first(mapping::read);
  }

  public <T> List<T> map(Function<Row, T> read) {
    List<T> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(read.apply(new Row(this, i)));
    }
    return out;
  }

  /** The first row as {@code T}; empty when there is none (or {@code read} makes it null: a NULL aggregate). */
  public <T> Optional<T> first(Function<Row, T> read) {
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(read.apply(new Row(this, 0)));
  }

  /**
   * Rows as column-name → value maps, in column order: the shape answers and the chat's evidence are
   * shown in. Built anew on each call and the caller's to change (services add fields to them).
   */
  public List<Map<String, Object>> asMaps() {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        map.put(columns.get(i), row.get(i));
      }
      out.add(map);
    }
    return out;
  }
}
