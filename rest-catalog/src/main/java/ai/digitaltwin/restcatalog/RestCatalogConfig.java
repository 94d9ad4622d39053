package ai.digitaltwin.restcatalog;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Configuration of the REST catalog server, from the environment:
 *
 * <ul>
 *   <li>{@code HOST} — bind address, default {@code 127.0.0.1} ({@code 0.0.0.0} in a container)
 *   <li>{@code PORT} — HTTP port, default 8181
 *   <li>{@code TWIN_DATA_DIR} — where the default SQLite database lives, default {@code ./data}
 *   <li>{@code CATALOG_*} — properties of the catalog behind the server, named as Iceberg's own REST
 *       fixture names them: drop {@code CATALOG_}, {@code __} becomes {@code -}, {@code _} becomes
 *       {@code .}, lower case. {@code CATALOG_WAREHOUSE=s3://warehouse/},
 *       {@code CATALOG_IO__IMPL=org.apache.iceberg.aws.s3.S3FileIO}, {@code CATALOG_S3_ENDPOINT=...},
 *       {@code CATALOG_URI=jdbc:sqlite:...}. Defaults: a JDBC catalog in
 *       {@code $TWIN_DATA_DIR/rest-catalog/catalog.db}, warehouse {@code $TWIN_DATA_DIR/warehouse}.
 * </ul>
 */
public record RestCatalogConfig(String host, int port, Map<String, String> catalogProperties) {
  private static final String PREFIX = "CATALOG_";

  public RestCatalogConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be in 0..65535, got " + port);
    }
    catalogProperties = Map.copyOf(catalogProperties);
  }

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static RestCatalogConfig fromEnv(Env env) {
    Path dataDir = env.dataDir().toAbsolutePath();
    Map<String, String> props = new HashMap<>();
    props.put(CatalogProperties.CATALOG_IMPL, JdbcCatalog.class.getName());
    props.put(CatalogProperties.URI, "jdbc:sqlite:" + dataDir.resolve("rest-catalog").resolve("catalog.db"));
    props.put(CatalogProperties.WAREHOUSE_LOCATION, dataDir.resolve("warehouse").toString());
    props.put("jdbc.schema-version", "V1");
    // one connection: SQLite serialises writers anyway, and a second one only meets "database is locked"
    props.put(CatalogProperties.CLIENT_POOL_SIZE, "1");
    // values as given: they may be credentials
    env.startingWith(PREFIX).forEach((name, value) -> props.put(propertyName(name), value));
    return new RestCatalogConfig(env.string("HOST", "127.0.0.1"), env.integer("PORT", 8181, 0, 65535), props);
  }

  /** {@code CATALOG_IO__IMPL} → {@code io-impl}, {@code CATALOG_S3_PATH__STYLE__ACCESS} → {@code s3.path-style-access}. */
  static String propertyName(String envKey) {
    return envKey.substring(PREFIX.length())
        .replace("__", "-")
        .replace('_', '.')
        .toLowerCase(Locale.ROOT);
  }

  /** The SQLite file of a {@code jdbc:sqlite:} URI, whose directory must exist before the catalog opens. */
  Path sqliteFile() {
    String uri = catalogProperties.get(CatalogProperties.URI);
    String prefix = "jdbc:sqlite:";
    if (uri == null || !uri.startsWith(prefix) || uri.contains(":memory:")) {
      return null;
    }
    return Path.of(uri.substring(prefix.length()).replaceFirst("^file:", ""));
  }

  /** Property names only: values may be credentials. */
  @Override
  public String toString() {
    return "RestCatalogConfig[" + host + ":" + port + ", " + new TreeSet<>(catalogProperties.keySet()) + "]";
  }
}
