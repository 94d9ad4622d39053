package ai.digitaltwin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {
  @Test
  void restCatalogOverAnS3CompatibleStore() {
    CatalogConfig config =
        CatalogConfig.fromEnv(
            Env.of(Map.of(
                "ICEBERG_CATALOG", "rest",
                "ICEBERG_REST_URI", "http://catalog:8181",
                "ICEBERG_WAREHOUSE", "s3://warehouse/twin",
                "ICEBERG_IO_IMPL", "org.apache.iceberg.aws.s3.S3FileIO",
                "ICEBERG_S3_ENDPOINT", "http://s3:9000",
                "ICEBERG_S3_REGION", "eu-central-1",
                "ICEBERG_S3_ACCESS_KEY_ID", "twin",
                "ICEBERG_S3_SECRET_ACCESS_KEY", "secret-value")));

    assertThat(config.properties())
        .containsEntry("type", "rest")
        .containsEntry("uri", "http://catalog:8181")
        .containsEntry("warehouse", "s3://warehouse/twin")
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("s3.endpoint", "http://s3:9000")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("client.region", "eu-central-1")
        .containsEntry("s3.access-key-id", "twin")
        .containsEntry("s3.secret-access-key", "secret-value");
    assertThat(config.toString()).doesNotContain("secret-value").contains("s3.secret-access-key");
    assertThat(config.describe()).isEqualTo("rest http://catalog:8181 (s3://warehouse/twin)");
  }

  @Test
  void credentialsDefaultToTheAwsChain() {
    CatalogConfig config =
        CatalogConfig.fromEnv(Env.of(Map.of("ICEBERG_CATALOG", "rest", "ICEBERG_REST_URI", "http://catalog:8181")));

    assertThat(config.properties())
        .doesNotContainKeys("s3.access-key-id", "s3.secret-access-key", "client.region");
  }

  @Test
  void halfACredentialIsRefused() {
    assertThatThrownBy(
            () -> CatalogConfig.fromEnv(Env.of(Map.of("ICEBERG_S3_ACCESS_KEY_ID", "twin"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ICEBERG_S3_ACCESS_KEY_ID and ICEBERG_S3_SECRET_ACCESS_KEY must be set together");
  }

  @Test
  void restNeedsItsUri() {
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Env.of(Map.of("ICEBERG_CATALOG", "rest"))))
        .hasMessage("ICEBERG_REST_URI is required when ICEBERG_CATALOG=rest");
  }

  @Test
  void theDefaultIsAHadoopWarehouseUnderTheDataDirectory() {
    CatalogConfig config = CatalogConfig.fromEnv(Env.of(Map.of("TWIN_DATA_DIR", "/srv/twin")));
    assertThat(config.type()).isEqualTo("hadoop");
    assertThat(config.warehouse()).isEqualTo("/srv/twin/warehouse");
    assertThat(config.properties()).doesNotContainKeys("io-impl", "s3.endpoint");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Env.of(Map.of("ICEBERG_CATALOG", "hive"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ICEBERG_CATALOG=hive: not one of hadoop, rest");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(
            Env.of(Map.of("ICEBERG_S3_ENDPOINT", "http://s3:9000", "ICEBERG_S3_PATH_STYLE", "sometimes"))))
        .hasMessage("ICEBERG_S3_PATH_STYLE=sometimes: not true or false");
    assertThat(CatalogConfig.fromEnv(
            Env.of(Map.of("ICEBERG_S3_ENDPOINT", "http://s3:9000", "ICEBERG_S3_PATH_STYLE", "FALSE"))).properties())
        .containsEntry("s3.path-style-access", "false");
  }
}
