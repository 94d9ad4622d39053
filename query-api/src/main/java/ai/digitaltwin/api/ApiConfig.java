package ai.digitaltwin.api;

import ai.digitaltwin.api.auth.AuthConfig;
import ai.digitaltwin.api.chat.narrator.NarratorConfig;
import ai.digitaltwin.api.sql.SqlConfig;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.config.Env;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Configuration of the query API, from the environment. Every key, its default and its unit:
 *
 * <ul>
 *   <li>{@code PORT} — HTTP port, default 8000 (0 picks a free one)
 *   <li>{@code HOST} — bind address, default 127.0.0.1
 *   <li>{@code TWIN_DATA_DIR} — state directory, default ./data
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} — default 127.0.0.1:9092
 *   <li>{@code QUERY_TIMEOUT_MS} — timeout of the API's own queries, default 10000
 *   <li>{@code SNAPSHOT_POLL_MS} — how often Iceberg is asked for new snapshots, default 1000
 *   <li>{@code DATA_FILE_CACHE_DIR} — local copies of data files kept in object storage, default
 *       {@code $TWIN_DATA_DIR/cache/data-files} (see {@link ai.digitaltwin.api.history.DataFileCache})
 *   <li>{@code MAX_REQUEST_BYTES} — largest request body (413 beyond), default 10000000
 *   <li>{@code TWIN_DEV_MODE} — true allows a missing JWT secret (a random one per process), default false
 *   <li>{@code JWT_SECRET} — HS256 signing key, at least 32 characters; required outside dev mode
 *   <li>{@code JWT_TTL_MINUTES} — token lifetime, default 60
 *   <li>{@code ADMIN_PASSWORD} — when set and no admin exists, user {@code admin} is created at start
 *   <li>{@code LOGIN_MAX_FAILURES} — failed logins per username and per address per window, default 5
 *   <li>{@code LOGIN_WINDOW_SECONDS} — that window, default 300
 *   <li>{@code SQL_MAX_ROWS} — most rows of one SQL answer, default 10000
 *   <li>{@code SQL_MEMORY_LIMIT} — DuckDB memory of the SQL sandbox, default 1GB
 *   <li>{@code SQL_THREADS} — DuckDB threads of the SQL sandbox, default 1
 *   <li>{@code SQL_TIMEOUT_MS} — per SQL query, at least 1000, default 10000
 *   <li>{@code CHAT_LLM_URL} — OpenAI-compatible endpoint of the chat's optional narrator, default none (off)
 *   <li>{@code CHAT_LLM_MODEL} — the narrator's model name, required with {@code CHAT_LLM_URL}
 *   <li>{@code CHAT_LLM_API_KEY} — bearer token for that endpoint, default none
 *   <li>{@code CHAT_LLM_TIMEOUT_MS} — longest wait for one narration, default 5000
 *   <li>the catalog keys of {@link CatalogConfig}
 * </ul>
 *
 * <p>Read once, by {@link #fromEnv}, in {@link QueryApiMain} (or by the embedded stack), and passed down:
 * nothing below reads the environment.
 */
public record ApiConfig(
    String host,
    int port,
    Path dataDir,
    String kafkaBootstrap,
    CatalogConfig catalog,
    Duration queryTimeout,
    Duration snapshotPoll,
    long maxRequestBytes,
    Path dataFileCache,
    AuthConfig auth,
    SqlConfig sql,
    NarratorConfig narrator) {

  public ApiConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be in 0..65535, got " + port);
    }
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("QUERY_TIMEOUT_MS must be positive");
    }
    if (snapshotPoll.isNegative() || snapshotPoll.isZero()) {
      throw new IllegalArgumentException("SNAPSHOT_POLL_MS must be positive");
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("MAX_REQUEST_BYTES must be at least 1024");
    }
  }

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static ApiConfig fromEnv(Env env) {
    Path dataDir = env.dataDir();
    AuthConfig auth =
        AuthConfig.of(
            env.secret("JWT_SECRET").orElse(null),
            env.bool("TWIN_DEV_MODE", false),
            env.duration("JWT_TTL_MINUTES", ChronoUnit.MINUTES, 60, 1, 7 * 24 * 60),
            env.secret("ADMIN_PASSWORD").orElse(null),
            env.integer("LOGIN_MAX_FAILURES", 5, 1, 1000),
            env.duration("LOGIN_WINDOW_SECONDS", ChronoUnit.SECONDS, 300, 1, 86_400));
    SqlConfig sql =
        new SqlConfig(
            env.integer("SQL_MAX_ROWS", 10_000, 1, 1_000_000),
            env.matching("SQL_MEMORY_LIMIT", "1GB", SqlConfig.MEMORY_LIMIT, "a size like 512MB or 2GB"),
            env.integer("SQL_THREADS", 1, 1, 64),
            // whole seconds: JDBC counts them
            env.duration("SQL_TIMEOUT_MS", ChronoUnit.MILLIS, 10_000, 1000, 3_600_000));
    NarratorConfig narrator =
        new NarratorConfig(
            env.parsed("CHAT_LLM_URL", null, "an http or https URL", NarratorConfig::address),
            env.string("CHAT_LLM_MODEL").orElse(null),
            env.secret("CHAT_LLM_API_KEY").orElse(null),
            env.duration(
                "CHAT_LLM_TIMEOUT_MS", ChronoUnit.MILLIS, NarratorConfig.DEFAULT_TIMEOUT.toMillis(), 1, 600_000));
    return new ApiConfig(
        env.string("HOST", "127.0.0.1"),
        env.integer("PORT", 8000, 0, 65535),
        dataDir,
        env.string("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        CatalogConfig.fromEnv(env),
        env.duration("QUERY_TIMEOUT_MS", ChronoUnit.MILLIS, 10_000, 1, 3_600_000),
        env.duration("SNAPSHOT_POLL_MS", ChronoUnit.MILLIS, 1_000, 1, 3_600_000),
        env.integer("MAX_REQUEST_BYTES", 10_000_000, 1024, Integer.MAX_VALUE),
        env.path("DATA_FILE_CACHE_DIR", dataDir.resolve("cache").resolve("data-files")),
        auth,
        sql,
        narrator);
  }

  /**
   * The effective configuration as {@code /system/info} shows it, by the environment keys it came from
   * (in their alphabetical order): no secret, no password, only whether they are set.
   */
  @JsonPropertyOrder(alphabetic = true)
  public record Description(
      @JsonProperty("HOST") String host,
      @JsonProperty("PORT") int port,
      @JsonProperty("TWIN_DATA_DIR") String dataDir,
      @JsonProperty("KAFKA_BOOTSTRAP_SERVERS") String kafkaBootstrap,
      @JsonProperty("ICEBERG_CATALOG") String catalog,
      @JsonProperty("QUERY_TIMEOUT_MS") long queryTimeoutMs,
      @JsonProperty("SNAPSHOT_POLL_MS") long snapshotPollMs,
      @JsonProperty("MAX_REQUEST_BYTES") long maxRequestBytes,
      @JsonProperty("TWIN_DEV_MODE") boolean devMode,
      @JsonProperty("JWT_SECRET") String jwtSecret,
      @JsonProperty("JWT_TTL_MINUTES") long jwtTtlMinutes,
      @JsonProperty("ADMIN_PASSWORD") String adminPassword,
      @JsonProperty("LOGIN_MAX_FAILURES") int loginMaxFailures,
      @JsonProperty("LOGIN_WINDOW_SECONDS") long loginWindowSeconds,
      @JsonProperty("SQL_MAX_ROWS") int sqlMaxRows,
      @JsonProperty("SQL_MEMORY_LIMIT") String sqlMemoryLimit,
      @JsonProperty("SQL_THREADS") int sqlThreads,
      @JsonProperty("SQL_TIMEOUT_MS") long sqlTimeoutMs,
      @JsonProperty("CHAT_LLM_URL") String chatLlmUrl,
      @JsonProperty("CHAT_LLM_MODEL") String chatLlmModel,
      @JsonProperty("CHAT_LLM_API_KEY") String chatLlmApiKey,
      @JsonProperty("CHAT_LLM_TIMEOUT_MS") long chatLlmTimeoutMs) {}

  public Description describe() {
    return new Description(
        host,
        port,
        dataDir.toString(),
        kafkaBootstrap,
        catalog.describe(),
        queryTimeout.toMillis(),
        snapshotPoll.toMillis(),
        maxRequestBytes,
        auth.devMode(),
        auth.generatedSecret() ? "generated (dev mode)" : "set",
        auth.tokenTtl().toMinutes(),
        auth.adminPassword() == null ? "unset" : "set",
        auth.loginMaxFailures(),
        auth.loginWindow().toSeconds(),
        sql.maxRows(),
        sql.memoryLimit(),
        sql.threads(),
        sql.timeout().toMillis(),
        narrator.enabled() ? narrator.url().toString() : "unset",
        narrator.enabled() ? narrator.model() : "unset",
        narrator.apiKey() == null ? "unset" : "set",
        narrator.timeout().toMillis());
  }
}
