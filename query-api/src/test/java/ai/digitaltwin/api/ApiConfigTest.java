package ai.digitaltwin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {
  static final String SECRET = "api-config-test-signing-key-0123456789-abcdef";

  @Test
  void defaultsAreTheDocumentedOnes() {
    ApiConfig config = config(Map.of());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.snapshotPoll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.maxRequestBytes()).isEqualTo(10_000_000);
    assertThat(config.dataFileCache()).isEqualTo(Path.of("data", "cache", "data-files"));
    assertThat(config.auth().tokenTtl()).isEqualTo(Duration.ofMinutes(60));
    assertThat(config.auth().loginMaxFailures()).isEqualTo(5);
    assertThat(config.auth().loginWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.auth().adminPassword()).isNull();
    assertThat(config.sql().maxRows()).isEqualTo(10_000);
    assertThat(config.sql().memoryLimit()).isEqualTo("1GB");
    assertThat(config.sql().threads()).isEqualTo(1);
    assertThat(config.sql().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.narrator().enabled()).isFalse();
    assertThat(config.narrator().timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theDataFileCacheFollowsTheDataDirectoryUnlessNamed() {
    assertThat(config(Map.of("TWIN_DATA_DIR", "/srv/twin")).dataFileCache()).isEqualTo(Path.of("/srv/twin/cache/data-files"));
    assertThat(config(Map.of("DATA_FILE_CACHE_DIR", "/var/cache/twin")).dataFileCache()).isEqualTo(Path.of("/var/cache/twin"));
  }

  @Test
  void readsEveryKey() {
    ApiConfig config = config(Map.of(
        "HOST", "0.0.0.0", "PORT", "0", "QUERY_TIMEOUT_MS", "2500", "SNAPSHOT_POLL_MS", "300",
        "MAX_REQUEST_BYTES", "2048", "JWT_TTL_MINUTES", "15", "LOGIN_WINDOW_SECONDS", "60",
        "SQL_MEMORY_LIMIT", "512MB", "SQL_TIMEOUT_MS", "2000", "CHAT_LLM_TIMEOUT_MS", "800"));
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
    assertThat(config.queryTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.snapshotPoll()).isEqualTo(Duration.ofMillis(300));
    assertThat(config.maxRequestBytes()).isEqualTo(2048);
    assertThat(config.auth().tokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.auth().loginWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.sql().memoryLimit()).isEqualTo("512MB");
    assertThat(config.sql().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.narrator().timeout()).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void passwordsAreTakenAsGiven() {
    assertThat(config(Map.of("ADMIN_PASSWORD", " spaced password ")).auth().adminPassword()).isEqualTo(" spaced password ");
  }

  @Test
  void badValuesNameTheVariableTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> config(Map.of("PORT", "http")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT=http: not an integer in 0..65535");
    assertThatThrownBy(() -> config(Map.of("MAX_REQUEST_BYTES", "100")))
        .hasMessage("MAX_REQUEST_BYTES=100: not an integer >= 1024");
    assertThatThrownBy(() -> config(Map.of("SQL_MEMORY_LIMIT", "lots")))
        .hasMessage("SQL_MEMORY_LIMIT=lots: not a size like 512MB or 2GB");
    assertThatThrownBy(() -> config(Map.of("SQL_TIMEOUT_MS", "500")))
        .hasMessage("SQL_TIMEOUT_MS=500: not an integer in 1000..3600000");
    assertThatThrownBy(() -> config(Map.of("TWIN_DEV_MODE", "sure")))
        .hasMessage("TWIN_DEV_MODE=sure: not true or false");
  }

  private static ApiConfig config(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(Map.of("JWT_SECRET", SECRET));
    all.putAll(env);
    return ApiConfig.fromEnv(Env.of(all));
  }
}
