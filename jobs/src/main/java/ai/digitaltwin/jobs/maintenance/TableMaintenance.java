package ai.digitaltwin.jobs.maintenance;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compaction and snapshot expiry for the event tables.
 *
 * <p>Expiry never removes what a running job or reader needs: the newest {@code retainLast} snapshots
 * are always kept (the Flink committer finds its last committed checkpoint in the newest ones), and so
 * is every snapshot younger than {@code retention}, longer than any query holds a snapshot.
 */
public final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

  /** What one run did to one table. */
  public record Result(String table, int partitions, int filesBefore, int filesAfter, int snapshotsExpired) {}

  private TableMaintenance() {}

  public static List<Result> run(StreamExecutionEnvironment env, CatalogConfig catalog, int minFiles, Duration retention, int retainLast, Instant now)
      throws Exception {
    return run(env, catalog, minFiles, retention, retainLast, now, () -> false);
  }

  /**
   * As above, but asks {@code stop} before each table and leaves the remaining tables for a later run
   * once it answers true: a process that is stopping lets the table at hand finish (its commit is
   * atomic either way) instead of interrupting it.
   */
  public static List<Result> run(
      StreamExecutionEnvironment env, CatalogConfig catalog, int minFiles, Duration retention, int retainLast, Instant now,
      BooleanSupplier stop) throws Exception {
    List<Result> results = new ArrayList<>();
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      for (String name : Tables.ALL) {
        if (stop.getAsBoolean()) {
          LOG.info("maintenance stopped before {}: the next run does the rest", name);
          break;
        }
        Table table = twins.table(name);
        CompactionPlan plan = TableDefinitions.COMPACTED.contains(name) ? Compaction.plan(table, minFiles) : null;
        int after = 0;
        if (plan != null && !plan.isEmpty()) {
          // a month of a thousand twins takes minutes: say what is being rewritten, and when it is done
          LOG.info("compacting {}: {} files in {} day partitions", name, plan.files().size(), plan.days().size());
          long started = System.nanoTime();
          List<DataFile> rewritten = Compaction.rewrite(env, catalog, plan);
          Compaction.commit(plan, rewritten);
          after = rewritten.size();
          LOG.info("compacted {}: {} files -> {} in {} s", name, plan.files().size(), after,
              Math.round((System.nanoTime() - started) / 1e9));
        }
        int expired = expire(table, retention, retainLast, now);
        int partitions = plan == null ? 0 : plan.days().size();
        int before = plan == null ? 0 : plan.files().size();
        results.add(new Result(name, partitions, before, after, expired));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return results;
  }

  /** Expires snapshots older than {@code retention} beyond the newest {@code retainLast}; returns how many. */
  public static int expire(Table table, Duration retention, int retainLast, Instant now) {
    table.refresh();
    int before = count(table);
    table.expireSnapshots().expireOlderThan(now.minus(retention).toEpochMilli()).retainLast(retainLast).commit();
    table.refresh();
    return before - count(table);
  }

  private static int count(Table table) {
    int n = 0;
    for (Snapshot ignored : table.snapshots()) {
      n++;
    }
    return n;
  }
}
