package ai.digitaltwin.reliability.pressure;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.maintenance.TableMaintenance;
import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Table;

/**
 * A multi-day run of checkpoint commits into health_events, compressed in time, with the jobs module's
 * maintenance (compaction of day partitions, snapshot expiry) after every simulated day, at the defaults
 * of MaintenanceJob. Reports files and bytes per day; the files per day partition, the snapshots and the
 * metadata must stay bounded however many days pass, and no row may be lost.
 */
public final class MaintenanceScenario implements Scenario {
  static final Instant DAY_ZERO = Instant.parse("2026-02-02T00:00:00Z");
  static final int TWINS = 20;
  static final int MIN_FILES = 4;
  static final Duration RETENTION = Duration.ofHours(1);
  static final int RETAIN_LAST = 20;
  /** The catalog keeps the current metadata file and at most 50 previous ones (TwinCatalog's table properties). */
  static final int MAX_METADATA_JSON = 51;

  @Override
  public String name() {
    return "maintenance";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    int days = ctx.scale().maintenanceDays();
    int commits = ctx.scale().commitsPerDay();
    Path warehouse = ctx.dir("maintenance").resolve("warehouse");
    CatalogConfig catalog = CatalogConfig.local(warehouse);
    List<Footprint> before = new ArrayList<>();
    List<Footprint> after = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long written;
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      Path location = Path.of(health.location().replaceFirst("^file:(//)?", ""));
      SimulatedCommits sink = new SimulatedCommits(health, TWINS);
      int minutes = 24 * 60 / commits;
      for (int day = 1; day <= days; day++) {
        Instant start = DAY_ZERO.plus(Duration.ofDays(day - 1));
        for (int c = 0; c < commits; c++) {
          sink.commit(start.plusSeconds(60L * minutes * c), minutes);
        }
        before.add(Footprint.of(day, health, location));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        // snapshots are seconds old in real time: "now" is moved past the retention, as a day later would be
        TableMaintenance.run(env, catalog, MIN_FILES, RETENTION, RETAIN_LAST, Instant.now().plus(RETENTION).plusSeconds(60));
        Footprint f = Footprint.of(day, health, location);
        after.add(f);
        if (f.liveDataFiles() > 2L * day) {
          problems.add("day " + day + ": " + f.liveDataFiles() + " live data files for " + day + " day partitions");
        }
        if (f.snapshots() > RETAIN_LAST + 1) {
          problems.add("day " + day + ": " + f.snapshots() + " snapshots");
        }
        if (f.metadataJson() > MAX_METADATA_JSON) {
          problems.add("day " + day + ": " + f.metadataJson() + " metadata versions");
        }
        if (f.orphans() > 0) {
          problems.add("day " + day + ": " + f.orphans() + " files no retained snapshot references");
        }
        if (f.rows() != sink.rows()) {
          problems.add("day " + day + ": " + f.rows() + " rows, " + sink.rows() + " written");
        }
      }
      written = sink.files();
    }
    Footprint last = after.get(after.size() - 1);
    List<String> perDay = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      Footprint b = before.get(i);
      Footprint a = after.get(i);
      perDay.add(String.format("d%d %d→%d files %.1f→%.1f MB", a.day(), b.filesOnDisk(), a.filesOnDisk(), b.bytesOnDisk() / 1e6, a.bytesOnDisk() / 1e6));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("before_maintenance", before);
    figures.put("after_maintenance", after);
    figures.put("data_files_written", written);
    String done = String.format("%d simulated days × %d checkpoint commits (one Parquet file each, %d twins, a reading per minute) into "
        + "%s; TableMaintenance after each day (compact ≥ %d files per day, expire beyond the newest %d snapshots / %s)",
        days, commits, TWINS, Tables.HEALTH_EVENTS, MIN_FILES, RETAIN_LAST, RETENTION);
    String observed = String.format("files on disk per day before→after maintenance: %s. After %d days: %d live data files for %d day "
        + "partitions (%d written), %d snapshots, %d metadata versions, %d unreferenced files, %.1f MB, all %d rows readable%s",
        String.join("; ", perDay), days, last.liveDataFiles(), days, written, last.snapshots(), last.metadataJson(), last.orphans(),
        last.bytesOnDisk() / 1e6, last.rows(), problems.isEmpty() ? "" : ". Problems: " + problems);
    return List.of(Outcome.of("disk: maintenance", done,
        "≤ 2 live data files per day partition, ≤ " + (RETAIN_LAST + 1) + " snapshots, ≤ " + MAX_METADATA_JSON + " metadata versions, no "
            + "file left that no snapshot references, no row lost, whatever the number of days",
        observed, problems.isEmpty(), figures));
  }
}
