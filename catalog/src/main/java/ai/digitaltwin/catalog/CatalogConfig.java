package ai.digitaltwin.catalog;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
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
 *   <li>{@code ICEBERG_S3_ENDPOINT}, {@code ICEBERG_S3_PATH_STYLE} (default {@code true}) — for
 *       S3-compatible stores
 *   <li>{@code ICEBERG_S3_REGION} — the store's region; default: the AWS SDK's ({@code AWS_REGION})
 *   <li>{@code ICEBERG_S3_ACCESS_KEY_ID}, {@code ICEBERG_S3_SECRET_ACCESS_KEY} — static credentials;
 *       default: the AWS SDK's chain ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, ...).
 *       Prefer the chain: keys given here travel inside the Flink job graph.
 * </ul>
 *
 * <p>Every JVM that talks to an S3-compatible store other than AWS may also need
 * {@code AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED} and
 * {@code AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED}: recent AWS SDKs send checksums that older
 * stores reject.
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

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static CatalogConfig fromEnv(Env env) {
    String type = env.oneOf("ICEBERG_CATALOG", "hadoop", "hadoop", "rest");
    String warehouse =
        env.string("ICEBERG_WAREHOUSE", env.dataDir().resolve("warehouse").toAbsolutePath().toString());
    Map<String, String> extra = new HashMap<>();
    env.string("ICEBERG_IO_IMPL").ifPresent(impl -> extra.put(CatalogProperties.FILE_IO_IMPL, impl));
    env.string("ICEBERG_S3_ENDPOINT").ifPresent(endpoint -> {
      extra.put("s3.endpoint", endpoint);
      extra.put("s3.path-style-access", String.valueOf(env.bool("ICEBERG_S3_PATH_STYLE", true)));
    });
    env.string("ICEBERG_S3_REGION").ifPresent(region -> extra.put("client.region", region));
    env.string("ICEBERG_S3_ACCESS_KEY_ID").ifPresent(key -> extra.put("s3.access-key-id", key));
    env.string("ICEBERG_S3_SECRET_ACCESS_KEY").ifPresent(key -> extra.put("s3.secret-access-key", key));
    if (extra.containsKey("s3.access-key-id") != extra.containsKey("s3.secret-access-key")) {
      throw new IllegalArgumentException(
          "ICEBERG_S3_ACCESS_KEY_ID and ICEBERG_S3_SECRET_ACCESS_KEY must be set together");
    }
    return new CatalogConfig(type, warehouse, env.string("ICEBERG_REST_URI").orElse(null), extra);
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

  /** What an operator may see: locations only, never credentials. */
  public String describe() {
    return type.equals("rest") ? "rest " + restUri + " (" + warehouse + ")" : "hadoop " + warehouse;
  }

  /** Property names only: the values may hold credentials. */
  @Override
  public String toString() {
    return "CatalogConfig[" + describe() + ", properties " + new TreeSet<>(extra.keySet()) + "]";
  }
}
