package ai.digitaltwin.restcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestCatalogServerTest {
  @TempDir Path dir;

  @Test
  void tablesAndCommitsSurviveARestartOfTheServer() throws Exception {
    Map<String, String> env = Map.of("TWIN_DATA_DIR", dir.toString(), "PORT", "0");
    long snapshot;
    try (RestCatalogServer server = RestCatalogServer.start(RestCatalogConfig.fromEnv(Env.of(env)));
        TwinCatalog catalog = TwinCatalog.open(client(server))) {
      catalog.ensureTables();
      Table health = catalog.table(Tables.HEALTH_EVENTS);
      health.newAppend().appendFile(dataFile(health)).commit();
      snapshot = catalog.table(Tables.HEALTH_EVENTS).currentSnapshot().snapshotId();
    }

    try (RestCatalogServer server = RestCatalogServer.start(RestCatalogConfig.fromEnv(Env.of(env)));
        TwinCatalog catalog = TwinCatalog.open(client(server))) {
      assertThat(catalog.catalog().listTables(TwinCatalog.NAMESPACE)).hasSize(Tables.ALL.size());
      Table health = catalog.table(Tables.HEALTH_EVENTS);
      assertThat(health.currentSnapshot().snapshotId()).isEqualTo(snapshot);
      assertThat(health.location()).startsWith(dir.resolve("warehouse").toString());
    }
  }

  @Test
  void bindsTheConfiguredAddressOnly() throws Exception {
    Map<String, String> env = Map.of("TWIN_DATA_DIR", dir.toString(), "PORT", "0", "HOST", "127.0.0.1");
    try (RestCatalogServer server = RestCatalogServer.start(RestCatalogConfig.fromEnv(Env.of(env)))) {
      assertThat(server.address().getHostString()).isEqualTo("127.0.0.1");
      assertThat(server.port()).isPositive();
    }
  }

  private static CatalogConfig client(RestCatalogServer server) {
    return new CatalogConfig("rest", null, "http://127.0.0.1:" + server.port(), Map.of());
  }

  private static DataFile dataFile(Table table) {
    return DataFiles.builder(table.spec())
        .withPath(table.location() + "/data/ts_day=2026-01-01/f.parquet")
        .withFormat(FileFormat.PARQUET)
        .withPartitionPath("ts_day=2026-01-01")
        .withFileSizeInBytes(100)
        .withRecordCount(1)
        .build();
  }
}
