package ai.digitaltwin.restcatalog;

import ai.digitaltwin.config.Env;

/** Runs the REST catalog server until the process is stopped. Configuration: {@link RestCatalogConfig}. */
public final class RestCatalogMain {
  private RestCatalogMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(
          """
          Usage: rest-catalog
          An Iceberg REST catalog on HOST:PORT (default 127.0.0.1:8181) over a JDBC catalog in SQLite.
          Environment: HOST, PORT, TWIN_DATA_DIR, and CATALOG_* for the catalog behind it, e.g.
          CATALOG_WAREHOUSE=s3://warehouse/ CATALOG_IO__IMPL=org.apache.iceberg.aws.s3.S3FileIO
          CATALOG_S3_ENDPOINT=http://s3:9000 CATALOG_S3_PATH__STYLE__ACCESS=true (see README).""");
      return;
    }
    RestCatalogConfig config;
    try {
      config = RestCatalogConfig.fromEnv(Env.of(System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("rest-catalog: " + e.getMessage());
      System.exit(2);
      return;
    }
    RestCatalogServer server = RestCatalogServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception ignored) {
        // shutting down
      }
    }, "rest-catalog-shutdown"));
    System.out.println("rest-catalog listening on http://" + config.host() + ":" + server.port());
    server.join();
  }
}
