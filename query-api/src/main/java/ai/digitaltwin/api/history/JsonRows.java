package ai.digitaltwin.api.history;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** A result set written as a JSON array of objects as it is read: no row is held after it is written. */
final class JsonRows {
  private JsonRows() {}

  /** Rows written, or -1 when there were more than {@code maxRows}. */
  static int write(ResultSet rs, int maxRows, JsonGenerator out) throws SQLException, IOException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] columns = new String[n];
    for (int i = 0; i < n; i++) {
      columns[i] = meta.getColumnLabel(i + 1);
    }
    out.writeStartArray();
    int rows = 0;
    while (rs.next()) {
      if (rows == maxRows) {
        return -1;
      }
      out.writeStartObject();
      for (int i = 0; i < n; i++) {
        out.writeFieldName(columns[i]);
        out.writeObject(TwinHistory.jsonValue(rs.getObject(i + 1)));
      }
      out.writeEndObject();
      rows++;
    }
    out.writeEndArray();
    return rows;
  }
}
