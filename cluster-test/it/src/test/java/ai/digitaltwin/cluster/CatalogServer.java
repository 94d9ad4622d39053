package ai.digitaltwin.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The project's REST catalog server in its own JVM, its warehouse in the S3 store. */
final class CatalogServer implements AutoCloseable {
  private final int port;
  private final Jvm process;

  private CatalogServer(int port, Jvm process) {
    this.port = port;
    this.process = process;
  }

  static CatalogServer start(Path dir, S3Store store, String warehouse) throws InterruptedException {
    int port = Ports.free();
    Map<String, String> env = new HashMap<>(S3Store.clientEnv());
    env.putAll(Map.of(
        "HOST", "127.0.0.1",
        "PORT", String.valueOf(port),
        "TWIN_DATA_DIR", dir.toString(),
        "CATALOG_WAREHOUSE", warehouse,
        "CATALOG_IO__IMPL", "org.apache.iceberg.aws.s3.S3FileIO",
        "CATALOG_S3_ENDPOINT", store.endpoint(),
        "CATALOG_S3_PATH__STYLE__ACCESS", "true"));
    Jvm process =
        Jvm.start(
            new Jvm.Spec(
                "rest-catalog", Classpaths.restCatalog(), "ai.digitaltwin.restcatalog.RestCatalogMain",
                List.of(), List.of("-Xmx256m", "-XX:+UseSerialGC"), env),
            dir.resolve("logs"));
    Await.until(Duration.ofMinutes(3), "REST catalog on " + port, () -> S3Store.listening(port));
    return new CatalogServer(port, process);
  }

  String uri() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
