package ai.digitaltwin.api;

import ai.digitaltwin.config.Env;
import java.util.List;

/** Runs the query API alone, against Kafka and an Iceberg catalog configured by the environment. */
public final class QueryApiMain {
  private QueryApiMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(
          """
          Usage: query-api
          Serves the twin REST API on HOST:PORT (default 127.0.0.1:8000).
          Environment (see README for defaults): PORT, HOST, TWIN_DATA_DIR, KAFKA_BOOTSTRAP_SERVERS,
          JWT_SECRET (required unless TWIN_DEV_MODE=true), JWT_TTL_MINUTES, ADMIN_PASSWORD,
          LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS, QUERY_TIMEOUT_MS, SNAPSHOT_POLL_MS, MAX_REQUEST_BYTES,
          SQL_MAX_ROWS, SQL_MEMORY_LIMIT, SQL_THREADS, SQL_TIMEOUT_MS, DATA_FILE_CACHE_DIR,
          ICEBERG_CATALOG, ICEBERG_WAREHOUSE, ICEBERG_REST_URI.""");
      return;
    }
    ApiConfig config;
    try {
      config = ApiConfig.fromEnv(Env.of(System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("query-api: " + e.getMessage());
      System.exit(2);
      return;
    }
    ApiRuntime runtime = ApiRuntime.start(config, List.of());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runtime.close();
      } catch (Exception ignored) {
        // shutting down
      }
    }));
    System.out.println("query-api listening on http://" + config.host() + ":" + runtime.port());
  }
}
