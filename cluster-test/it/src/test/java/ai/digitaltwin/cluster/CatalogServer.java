package ai.digitaltwin.cluster;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The project's REST catalog server in its own JVM, its warehouse in the S3 store. */
final class CatalogServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final ChildJvm process;

  private CatalogServer(int port, ChildJvm process) {
    this.port = port;
    this.process = process;
  }

  static CatalogServer start(Path dir, S3Store store, String warehouse) throws InterruptedException {
    int port = FreePorts.next();
    Map<String, String> env = new HashMap<>(S3Store.clientEnv());
    env.putAll(Map.of(
        "HOST", "127.0.0.1",
        "PORT", String.valueOf(port),
        "TWIN_DATA_DIR", dir.toString(),
        "CATALOG_WAREHOUSE", warehouse,
        "CATALOG_IO__IMPL", "org.apache.iceberg.aws.s3.S3FileIO",
        "CATALOG_S3_ENDPOINT", store.endpoint(),
        "CATALOG_S3_PATH__STYLE__ACCESS", "true"));
    ChildJvm process =
        ChildJvm.startIn(
            new ChildJvm.Spec(
                "rest-catalog", Classpaths.restCatalog(), "ai.digitaltwin.restcatalog.RestCatalogMain",
                List.of(), List.of("-Xmx256m", "-XX:+UseSerialGC"), env),
            dir.resolve("logs"));
    CatalogServer server = new CatalogServer(port, process);
    server.awaitAnswering(Duration.ofMinutes(3));
    return server;
  }

  /** Waits until the catalog answers; fails with the end of its log if its process has exited. */
  void awaitAnswering(Duration timeout) throws InterruptedException {
    process.awaitReady("the REST catalog answering on " + port, timeout, this::answers);
  }

  /** Whether {@code GET /v1/config} answers as an Iceberg REST catalog does: 200, with overrides. */
  private boolean answers() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri() + "/v1/config")).timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"overrides\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String uri() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
