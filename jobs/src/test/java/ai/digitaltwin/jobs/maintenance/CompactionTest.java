package ai.digitaltwin.jobs.maintenance;

import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.TestTables;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final List<String> TWINS = List.of("twin-c", "twin-a", "twin-b");

  @TempDir Path dir;

  @Test
  void rewritesSmallFilesSortedByTwinAndTimeKeepingEveryRowAndConcurrentAppends() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      for (int batch = 0; batch < 3; batch++) { // three checkpoints' worth of small files on day one
        TestTables.append(health, minutes(health, batch * 40, batch * 40 + 40));
      }
      TestTables.append(health, minutes(health, 24 * 60, 24 * 60 + 30)); // day two: one file, as a stream writes it
      List<String> before = rows(catalog);

      CompactionPlan plan = Compaction.plan(health, 2);
      assertThat(plan.days()).hasSize(2); // day one for its small files, day two for its unsorted one
      assertThat(plan.files()).hasSize(4);
      TestTables.append(health, minutes(health, 500, 502)); // a stream commits while compaction runs

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      List<DataFile> rewritten = Compaction.rewrite(env, catalog, plan);
      Compaction.commit(plan, rewritten);

      List<String> expected = new ArrayList<>(before);
      expected.addAll(rowsOf(minutes(health, 500, 502)));
      assertThat(rows(catalog)).containsExactlyInAnyOrderElementsOf(expected);
      health.refresh();
      assertThat(files(health)).hasSize(rewritten.size() + 1);
      assertThat(rewritten).isNotEmpty().hasSizeLessThanOrEqualTo(4); // at most one per day and writer
      for (DataFile file : rewritten) {
        assertThat(Compaction.sorted(health, file)).isTrue();
        List<Record> inFile = read(health, file);
        assertThat(inFile).isSortedAccordingTo(
            Comparator.comparing((Record r) -> (String) r.getField("twin_id"))
                .thenComparing(r -> (OffsetDateTime) r.getField("ts")));
      }

      // what the rewrite wrote is marked sorted: only day one, for the concurrent append, is unsorted again
      assertThat(Compaction.plan(health, Integer.MAX_VALUE).days()).containsExactly(plan.days().get(0));
      int expired = TableMaintenance.expire(health, Duration.ofHours(1), 1, Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(expired).isEqualTo(5); // 4 appends + 1 append; only the rewrite's snapshot stays
      assertThat(rows(catalog)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void streamWrittenFilesSkipDictionariesAndTheRewriteAddsThem() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      assertThat(health.properties()).containsEntry(TableDefinitions.DICTIONARY, "false");
      assertThat(twins.table(Tables.TWIN_REGISTRY).properties()).doesNotContainKey(TableDefinitions.DICTIONARY);
      // written with the table's own properties, as the stream's Iceberg sink writes
      GenericAppenderFactory withTableProperties = new GenericAppenderFactory(health.schema(), health.spec());
      withTableProperties.setAll(health.properties());
      TestTables.append(health, minutes(health, 0, 30), withTableProperties);
      DataFile streamed = files(health).get(0);
      assertThat(dictionaryColumns(streamed)).isEmpty();

      CompactionPlan plan = Compaction.plan(health, 1);
      List<DataFile> rewritten = Compaction.rewrite(StreamExecutionEnvironment.getExecutionEnvironment(), catalog, plan);
      Compaction.commit(plan, rewritten);
      assertThat(rewritten).isNotEmpty();
      for (DataFile file : rewritten) {
        assertThat(dictionaryColumns(file)).contains("twin_id", "source");
      }
    }
  }

  /** The columns whose first row group's chunk has a dictionary page. */
  private static List<String> dictionaryColumns(DataFile file) throws Exception {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(Path.of(java.net.URI.create(file.location()).getPath())))) {
      return reader.getFooter().getBlocks().get(0).getColumns().stream()
          .filter(ColumnChunkMetaData::hasDictionaryPage)
          .map(c -> c.getPath().toDotString())
          .toList();
    }
  }

  private static List<Record> minutes(Table table, int from, int to) {
    List<Record> rows = new ArrayList<>();
    for (int m = from; m < to; m++) {
      for (String twin : TWINS) {
        rows.add(TestTables.health(table, reading(twin, m, 60 + m % 9)));
      }
    }
    return rows;
  }

  private static List<String> rows(CatalogConfig catalog) {
    return rowsOf(IcebergRows.read(catalog, Tables.HEALTH_EVENTS));
  }

  private static List<String> rowsOf(List<Record> records) {
    return records.stream().map(Record::toString).toList();
  }

  private static List<DataFile> files(Table table) throws Exception {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file()));
    }
    return files;
  }

  private static List<Record> read(Table table, DataFile file) throws Exception {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(file.location()))
            .project(table.schema())
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(table.schema(), fileSchema))
            .build()) {
      records.forEach(r -> rows.add(r.copy()));
    }
    return rows;
  }
}
