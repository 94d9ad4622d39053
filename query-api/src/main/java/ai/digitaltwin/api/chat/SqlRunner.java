package ai.digitaltwin.api.chat;

import java.util.List;

/**
 * Runs one read-only, parameterised SQL statement against the twin tables (DuckDB views named like the
 * Iceberg tables in {@link ai.digitaltwin.schemas.Tables}). The chat never builds SQL from user text:
 * every value travels as a {@code ?} parameter, in order. Timestamps are passed as
 * {@link java.time.OffsetDateTime} in UTC and compared with TIMESTAMP WITH TIME ZONE columns.
 *
 * <p>Implementations must be safe to call from several threads at once (one connection per call or
 * per thread) and should throw an unchecked exception on failure; the chat turns it into a reply that
 * says the data could not be read.
 */
@FunctionalInterface
public interface SqlRunner {
  QueryResult query(String sql, List<Object> params);
}
