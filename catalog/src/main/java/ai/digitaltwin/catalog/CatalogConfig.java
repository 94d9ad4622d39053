package ai.digitaltwin.catalog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;

/**
 * Where the Iceberg tables live. Read from the environment:
 *
 * <ul>
 *   <li>{@code ICEBERG_CATALOG} — {@code hadoop} (default: a directory, no server) or {@code rest}
 *   <li>{@code ICEBERG_WAREHOUSE} — warehouse location; default {@code $TWIN_DATA_DIR/warehouse}
 *   <li>{@code ICEBERG_REST_URI} — the REST catalog's URL, required when the catalog is {@code rest}
 *   <li>{@code ICEBERG_IO_IMPL} — a FileIO class, e.g. {@code org.apache.iceberg.aws.s3.S3FileIO}
 *   <li>{@code ICEBERG_S3_ENDPOINT}, {@code ICEBERG_S3_PATH_STYLE} — for S3-compatible stores
 * </ul>
 */
public record CatalogConfig(String type, String warehouse, String restUri, Map<String, String> extra) {
  public static final String NAME = "twin_catalog";

  public CatalogConfig {
    Objects.requireNonNull(type, "type");
    if (!type.equals("hadoop") && !type.equals("rest")) {
      throw new IllegalArgumentException(
          "ICEBERG_CATALOG must be 'hadoop' or 'rest', got '" + type + "'");
    }
    if (type.equals("rest") && (restUri == null || restUri.isBlank())) {
      throw new IllegalArgumentException("ICEBERG_REST_URI is required when ICEBERG_CATALOG=rest");
    }
    if (type.equals("hadoop") && (warehouse == null || warehouse.isBlank())) {
      throw new IllegalArgumentException("ICEBERG_WAREHOUSE is required when ICEBERG_CATALOG=hadoop");
    }
    extra = Map.copyOf(extra == null ? Map.of() : extra);
  }

  /** A Hadoop catalog in a local directory: the embedded default and the tests. */
  public static CatalogConfig local(Path warehouse) {
    return new CatalogConfig("hadoop", warehouse.toAbsolutePath().toString(), null, Map.of());
  }

  public static CatalogConfig fromEnv(Map<String, String> env, Path dataDir) {
    String type = env.getOrDefault("ICEBERG_CATALOG", "hadoop").trim().toLowerCase(Locale.ROOT);
    String warehouse =
        env.getOrDefault("ICEBERG_WAREHOUSE", dataDir.resolve("warehouse").toAbsolutePath().toString());
    Map<String, String> extra = new HashMap<>();
    if (env.containsKey("ICEBERG_IO_IMPL")) {
      extra.put(CatalogProperties.FILE_IO_IMPL, env.get("ICEBERG_IO_IMPL"));
    }
    if (env.containsKey("ICEBERG_S3_ENDPOINT")) {
      extra.put("s3.endpoint", env.get("ICEBERG_S3_ENDPOINT"));
      extra.put("s3.path-style-access", env.getOrDefault("ICEBERG_S3_PATH_STYLE", "true"));
    }
    return new CatalogConfig(type, warehouse, env.get("ICEBERG_REST_URI"), extra);
  }

  /** Properties for {@link CatalogUtil#buildIcebergCatalog}, also what Flink's catalog loader takes. */
  public Map<String, String> properties() {
    Map<String, String> props = new HashMap<>(extra);
    props.put(CatalogUtil.ICEBERG_CATALOG_TYPE, type);
    if (warehouse != null) {
      props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    }
    if (type.equals("rest")) {
      props.put(CatalogProperties.URI, restUri);
    }
    return props;
  }

  /** What an operator may see: no secrets are kept here, so everything. */
  public String describe() {
    return type.equals("rest") ? "rest " + restUri + " (" + warehouse + ")" : "hadoop " + warehouse;
  }
}
