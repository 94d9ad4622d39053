package ai.digitaltwin.api.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.InclusiveMetricsEvaluator;

/**
 * One data file of a snapshot: where DuckDB reads it and Iceberg's record of it (partition, column
 * bounds). Per-twin queries read only the files whose bounds can hold the twin and the time window.
 */
public record PlannedFile(String path, DataFile file) {
  /** The paths of the files that may hold rows of {@code twinId} with {@code from <= ts < to} (null: open). */
  public static List<String> matching(Schema schema, List<PlannedFile> files, String twinId, Instant from, Instant to) {
    if (schema.findField("twin_id") == null) {
      return files.stream().map(PlannedFile::path).toList();
    }
    InclusiveMetricsEvaluator evaluator = new InclusiveMetricsEvaluator(schema, filter(schema, twinId, from, to));
    return files.stream().filter(f -> evaluator.eval(f.file())).map(PlannedFile::path).toList();
  }

  /**
   * The greatest {@code ts} that the files which may hold rows of {@code twinId} record as their upper
   * bound; empty when there is no such file or one of them records no bound, since the newest rows could
   * then be anywhere.
   */
  public static Optional<Instant> newest(Schema schema, List<PlannedFile> files, String twinId) {
    Types.NestedField ts = schema.findField("ts");
    if (ts == null || schema.findField("twin_id") == null) {
      return Optional.empty();
    }
    InclusiveMetricsEvaluator evaluator = new InclusiveMetricsEvaluator(schema, filter(schema, twinId, null, null));
    long newest = Long.MIN_VALUE;
    for (PlannedFile f : files) {
      if (!evaluator.eval(f.file())) {
        continue;
      }
      ByteBuffer upper = f.file().upperBounds() == null ? null : f.file().upperBounds().get(ts.fieldId());
      if (upper == null) {
        return Optional.empty();
      }
      newest = Math.max(newest, Conversions.<Long>fromByteBuffer(ts.type(), upper));
    }
    return newest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.EPOCH.plus(newest, ChronoUnit.MICROS));
  }

  static Expression filter(Schema schema, String twinId, Instant from, Instant to) {
    Expression filter = Expressions.equal("twin_id", twinId);
    if (schema.findField("ts") != null) {
      if (from != null) {
        filter = Expressions.and(filter, Expressions.greaterThanOrEqual("ts", micros(from)));
      }
      if (to != null) {
        filter = Expressions.and(filter, Expressions.lessThan("ts", micros(to)));
      }
    }
    return filter;
  }

  private static long micros(Instant at) {
    return TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + at.getNano() / 1000;
  }
}
