package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Opens the project's catalog inside Flink tasks. Iceberg's own loaders each serve one catalog type;
 * this one takes whatever {@link CatalogConfig} describes (hadoop or rest), the same way the rest of the
 * system opens it, and carries only plain properties (a Hadoop {@code Configuration} is not
 * serializable).
 */
final class TwinCatalogLoader implements CatalogLoader {
  private final HashMap<String, String> properties;

  private TwinCatalogLoader(Map<String, String> properties) {
    this.properties = new HashMap<>(properties);
  }

  static TwinCatalogLoader of(CatalogConfig config) {
    return new TwinCatalogLoader(config.properties());
  }

  @Override
  public Catalog loadCatalog() {
    return CatalogUtil.buildIcebergCatalog(CatalogConfig.NAME, properties, TwinCatalog.hadoopConf());
  }

  @Override
  public CatalogLoader clone() {
    return new TwinCatalogLoader(properties);
  }

  @Override
  public String toString() {
    return "TwinCatalogLoader" + properties.keySet();
  }
}
