package ai.digitaltwin.catalog;

import ai.digitaltwin.schemas.Tables;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;

/** The project's Iceberg catalog: opens it from a {@link CatalogConfig} and creates missing tables. */
public final class TwinCatalog implements Closeable {
  public static final Namespace NAMESPACE = Namespace.of(Tables.NAMESPACE);

  private final CatalogConfig config;
  private final Catalog catalog;

  private TwinCatalog(CatalogConfig config, Catalog catalog) {
    this.config = config;
    this.catalog = catalog;
  }

  public static TwinCatalog open(CatalogConfig config) {
    Catalog catalog =
        CatalogUtil.buildIcebergCatalog(CatalogConfig.NAME, config.properties(), hadoopConf());
    return new TwinCatalog(config, catalog);
  }

  /** Hadoop configuration with the local file system only; object stores go through Iceberg FileIO. */
  public static Configuration hadoopConf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", false);
    return conf;
  }

  public static TableIdentifier identifier(String table) {
    return TableIdentifier.of(NAMESPACE, table);
  }

  public CatalogConfig config() {
    return config;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Creates every table of {@link Tables#ALL} that does not exist yet. Safe to call concurrently. */
  public void ensureTables() {
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(NAMESPACE)) {
      try {
        namespaces.createNamespace(NAMESPACE);
      } catch (AlreadyExistsException raced) {
        // another process created it first: fine
      }
    }
    for (String table : Tables.ALL) {
      ensureTable(table);
    }
  }

  /**
   * The table, created when missing; an existing table gains the columns its definition added since it
   * was created (a new vital of a health reading), so its writers and its readers see one schema. Old
   * data files have no value for them: null.
   */
  public Table ensureTable(String name) {
    TableIdentifier id = identifier(name);
    TableDefinitions.Definition def = TableDefinitions.of(name);
    if (catalog.tableExists(id)) {
      return withColumnsOf(catalog.loadTable(id), def.schema());
    }
    try {
      return catalog
          .buildTable(id, def.schema())
          .withPartitionSpec(def.spec())
          .withSortOrder(def.sortOrder())
          .withProperties(properties(name))
          .create();
    } catch (AlreadyExistsException raced) {
      return catalog.loadTable(id);
    }
  }

  private static Table withColumnsOf(Table table, Schema declared) {
    for (int attempt = 1; ; attempt++) {
      if (declared.columns().stream().allMatch(c -> table.schema().findField(c.name()) != null)) {
        return table;
      }
      try {
        table.updateSchema().unionByNameWith(declared).commit();
      } catch (CommitFailedException raced) {
        if (attempt == 3) {
          throw raced;
        }
      }
      table.refresh(); // another process may have added them first: look again
    }
  }

  /** What a new table is created with. */
  static Map<String, String> properties(String name) {
    Map<String, String> properties = new HashMap<>(Map.of(
        TableProperties.FORMAT_VERSION, "2",
        TableProperties.PARQUET_COMPRESSION, "zstd",
        TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
        TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "50"));
    if (TableDefinitions.COMPACTED.contains(name)) {
      properties.putAll(TableDefinitions.STREAM_WRITE_PROPERTIES);
    }
    return properties;
  }

  /** Loads a table.
   *
   * @throws NoSuchTableException if it was never created
   */
  public Table table(String name) {
    return catalog.loadTable(identifier(name));
  }

  @Override
  public void close() throws IOException {
    if (catalog instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
