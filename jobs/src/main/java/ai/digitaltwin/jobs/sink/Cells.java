package ai.digitaltwin.jobs.sink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * The Flink row type of a table, and conversions of Java values into Flink's internal cells, null-safe,
 * for rows mapped by hand ({@link DeadLetterRows}; event rows are {@link RecordRows}).
 */
public final class Cells {
  private Cells() {}

  /** The row type Iceberg's Flink sink expects for a table schema. */
  public static TypeInformation<RowData> typeOf(Schema schema) {
    return InternalTypeInfo.of(FlinkSchemaUtil.convert(schema));
  }

  public static StringData str(String value) {
    return value == null ? null : StringData.fromString(value);
  }

  public static TimestampData ts(long epochMillis) {
    return TimestampData.fromEpochMillis(epochMillis);
  }
}
