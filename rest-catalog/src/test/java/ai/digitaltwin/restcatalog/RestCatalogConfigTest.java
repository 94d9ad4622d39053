package ai.digitaltwin.restcatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestCatalogConfigTest {
  @Test
  void defaultsKeepTheCatalogInSqliteUnderTheDataDirectory() {
    RestCatalogConfig config = RestCatalogConfig.fromEnv(Env.of(Map.of("TWIN_DATA_DIR", "/srv/twin")));

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8181);
    assertThat(config.catalogProperties())
        .containsEntry("catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog")
        .containsEntry("uri", "jdbc:sqlite:/srv/twin/rest-catalog/catalog.db")
        .containsEntry("warehouse", "/srv/twin/warehouse");
    assertThat(config.sqliteFile()).isEqualTo(Path.of("/srv/twin/rest-catalog/catalog.db"));
  }

  @Test
  void catalogVariablesBecomeIcebergProperties() {
    RestCatalogConfig config =
        RestCatalogConfig.fromEnv(Env.of(
            Map.of(
                "CATALOG_WAREHOUSE", "s3://warehouse/",
                "CATALOG_IO__IMPL", "org.apache.iceberg.aws.s3.S3FileIO",
                "CATALOG_S3_PATH__STYLE__ACCESS", "true",
                "CATALOG_S3_SECRET__ACCESS__KEY", "hidden-value")));

    assertThat(config.catalogProperties())
        .containsEntry("warehouse", "s3://warehouse/")
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("s3.secret-access-key", "hidden-value");
    assertThat(config.toString()).doesNotContain("hidden-value");
  }

  @Test
  void aBadPortIsNamed() {
    assertThatThrownBy(() -> RestCatalogConfig.fromEnv(Env.of(Map.of("PORT", "http"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT=http: not an integer in 0..65535");
  }
}
