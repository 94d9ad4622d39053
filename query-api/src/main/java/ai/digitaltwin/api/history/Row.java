package ai.digitaltwin.api.history;

import java.util.List;

/**
 * One row of a {@link QueryResult}, read by column name into the type the column has. Each reader is
 * strict about the value it takes (a {@code Double} for {@link #decimal}, an integral number for
 * {@link #whole}): a column whose type changes fails loudly instead of changing how it is written out, as
 * {@code 5} turning into {@code 5.0} would. NULL is {@code null} for every reader.
 */
public record Row(QueryResult result, int index) {
  /** The row as a record, each component from the column of its name ({@link RowRecord}). */
  public <R extends Record> R as(Class<R> type) {
    return RowRecord.of(type).read(this);
  }

  /** The raw value, as the query gave it. */
  public Object value(String column) {
    return result.value(index, column);
  }

  public boolean has(String column) {
    return result.columns().contains(column);
  }

  /** Text, and what JSON values are written as text: ISO-8601 instants, dates. */
  public String text(String column) {
    return (String) value(column);
  }

  /** A DOUBLE (and a DECIMAL, which JSON values carry as a double). */
  public Double decimal(String column) {
    return (Double) value(column);
  }

  /** Any integer type, as a long. */
  public Long whole(String column) {
    Object value = value(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw new ClassCastException(column + " is " + value.getClass().getSimpleName() + ", not an integer");
  }

  /** An INTEGER (or smaller) column. */
  public Integer integer(String column) {
    Long value = whole(column);
    return value == null ? null : Math.toIntExact(value);
  }

  public Boolean flag(String column) {
    return (Boolean) value(column);
  }

  /** A list of text, such as a VARCHAR[] column (its NULL entries kept). */
  public List<String> texts(String column) {
    Object value = value(column);
    if (value == null) {
      return null;
    }
    return ((List<?>) value).stream().map(v -> (String) v).toList();
  }
}
