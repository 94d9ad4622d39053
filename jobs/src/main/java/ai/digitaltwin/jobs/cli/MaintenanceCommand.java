package ai.digitaltwin.jobs.cli;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.maintenance.MaintenanceConfig;
import ai.digitaltwin.jobs.maintenance.TableMaintenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "maintenance",
    description = {
      "Compacts the event tables and expires old snapshots.",
      "Rewrites day partitions into files sorted by (twin, ts) and expires snapshots beyond the retention."
          + " Prints per table: partitions and files rewritten, snapshots expired."
    })
final class MaintenanceCommand extends BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--min-files", paramLabel = "N",
      description = "Rewrite a day partition with at least N files, or with a file not yet sorted (default: COMPACT_MIN_FILES, else 4).")
  Integer minFiles;

  @Option(names = "--retention-ms", paramLabel = "MS",
      description = "Never expire a snapshot younger than this (default: SNAPSHOT_RETENTION_MS, else 3600000).")
  Long retentionMs;

  @Option(names = "--retain-last", paramLabel = "N",
      description = "Keep the newest N snapshots whatever their age (default: SNAPSHOT_RETAIN_LAST, else 20).")
  Integer retainLast;

  MaintenanceCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() throws Exception {
    if (minFiles != null && minFiles < 1 || retentionMs != null && retentionMs < 1 || retainLast != null && retainLast < 1) {
      throw new IllegalArgumentException("--min-files, --retention-ms and --retain-last must be positive");
    }
    MaintenanceConfig fromEnv = MaintenanceConfig.fromEnv(env);
    MaintenanceConfig settings = new MaintenanceConfig(
        minFiles != null ? minFiles : fromEnv.compactMinFiles(),
        retentionMs != null ? Duration.ofMillis(retentionMs) : fromEnv.snapshotRetention(),
        retainLast != null ? retainLast : fromEnv.snapshotRetainLast());
    JobConfig config = config();
    long started = System.nanoTime();
    List<TableMaintenance.Result> results;
    try (ProgressBar bar = steps("maintenance", 1)) {
      bar.setExtraMessage("compact and expire");
      results = TableMaintenance.run(flink(config), config.catalog(), settings.compactMinFiles(),
          settings.snapshotRetention(), settings.snapshotRetainLast(), Instant.now());
      bar.step();
    }
    var out = spec.commandLine().getOut();
    int files = 0;
    int expired = 0;
    for (TableMaintenance.Result r : results) {
      out.printf(Locale.ROOT, "%-16s %3d partitions: %4d files rewritten as %3d, %3d snapshots expired%n",
          r.table(), r.partitions(), r.filesBefore(), r.filesAfter(), r.snapshotsExpired());
      files += r.filesBefore();
      expired += r.snapshotsExpired();
    }
    out.printf(Locale.ROOT, "maintenance: %d tables, %d files rewritten, %d snapshots expired, %.1f s%n",
        results.size(), files, expired, (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
