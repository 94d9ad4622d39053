package ai.digitaltwin.jobs.rows;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/** Conversions of Java values into Flink's internal row cells, null-safe. */
public final class Cells {
  private Cells() {}

  /** The row type Iceberg's Flink sink expects for a table schema. */
  public static TypeInformation<RowData> typeOf(Schema schema) {
    return InternalTypeInfo.of(FlinkSchemaUtil.convert(schema));
  }

  public static StringData str(String value) {
    return value == null ? null : StringData.fromString(value);
  }

  public static TimestampData ts(Instant value) {
    return value == null ? null : TimestampData.fromEpochMillis(value.toEpochMilli());
  }

  public static TimestampData ts(long epochMillis) {
    return TimestampData.fromEpochMillis(epochMillis);
  }

  public static GenericArrayData strings(List<String> values) {
    if (values == null) {
      return null;
    }
    StringData[] cells = new StringData[values.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = StringData.fromString(values.get(i));
    }
    return new GenericArrayData(cells);
  }
}
