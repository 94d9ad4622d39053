package ai.digitaltwin.api.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * A result set written as a JSON array of objects as it is read: no row is held after it is written.
 * Numbers, text, booleans and instants are read with the JDBC getter of their type and written as they
 * are (short decimals and instants by {@link ShortDecimal} and {@link IsoInstant}); other values go through
 * {@link TwinHistory#jsonValue}. The text is the same either way, but the
 * generic path (a boxed object per value, {@code OffsetDateTime} and {@code DateTimeFormatter} for each
 * timestamp, a serializer looked up per value) took most of a 1,440-row export's time outside DuckDB.
 */
final class JsonRows {
  private JsonRows() {}

  /** How a column's values are read and written, chosen once from its DuckDB type. */
  private enum Kind {
    DOUBLE, INTEGER, TEXT, BOOLEAN, INSTANT, OTHER;

    static Kind of(String duckType) {
      return switch (duckType) {
        case "DOUBLE" -> DOUBLE;
        case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> INTEGER;
        case "VARCHAR" -> TEXT;
        case "BOOLEAN" -> BOOLEAN;
        case "TIMESTAMP WITH TIME ZONE" -> INSTANT; // read as epoch microseconds
        default -> OTHER;
      };
    }
  }

  /** Rows written, or -1 when there were more than {@code maxRows}. */
  static int write(ResultSet rs, int maxRows, JsonGenerator out) throws SQLException, IOException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    SerializedString[] names = new SerializedString[n];
    Kind[] kinds = new Kind[n];
    for (int i = 0; i < n; i++) {
      names[i] = new SerializedString(meta.getColumnLabel(i + 1));
      kinds[i] = Kind.of(meta.getColumnTypeName(i + 1));
    }
    Text text = new Text();
    out.writeStartArray();
    int rows = 0;
    while (rs.next()) {
      if (rows == maxRows) {
        return -1;
      }
      out.writeStartObject();
      for (int i = 0; i < n; i++) {
        out.writeFieldName(names[i]);
        writeValue(rs, i + 1, kinds[i], text, out);
      }
      out.writeEndObject();
      rows++;
    }
    out.writeEndArray();
    return rows;
  }

  /** The buffers values are formatted in, one set per result. */
  private static final class Text {
    final IsoInstant instants = new IsoInstant();
    final ShortDecimal decimals = new ShortDecimal();
  }

  private static void writeValue(ResultSet rs, int column, Kind kind, Text text, JsonGenerator out)
      throws SQLException, IOException {
    switch (kind) {
      case DOUBLE -> {
        double value = rs.getDouble(column);
        if (!wroteNull(rs, out)) {
          writeDouble(value, text.decimals, out);
        }
      }
      case INTEGER -> {
        long value = rs.getLong(column);
        if (!wroteNull(rs, out)) {
          out.writeNumber(value);
        }
      }
      case TEXT -> out.writeString(rs.getString(column)); // writes null for null
      case BOOLEAN -> {
        boolean value = rs.getBoolean(column);
        if (!wroteNull(rs, out)) {
          out.writeBoolean(value);
        }
      }
      case INSTANT -> {
        long micros = rs.getLong(column);
        if (!wroteNull(rs, out)) {
          out.writeString(text.instants.chars(), 0, text.instants.format(micros));
        }
      }
      case OTHER -> out.writeObject(TwinHistory.jsonValue(rs.getObject(column)));
    }
  }

  /** Writes null if the value just read was SQL NULL (for which the primitive getters return a placeholder). */
  private static boolean wroteNull(ResultSet rs, JsonGenerator out) throws SQLException, IOException {
    if (rs.wasNull()) {
      out.writeNull();
      return true;
    }
    return false;
  }

  private static void writeDouble(double value, ShortDecimal decimals, JsonGenerator out) throws IOException {
    int length = decimals.format(value);
    if (length >= 0) {
      out.writeNumber(decimals.chars(), 0, length);
    } else {
      out.writeNumber(value);
    }
  }
}
