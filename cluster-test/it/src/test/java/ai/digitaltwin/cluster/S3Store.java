package ai.digitaltwin.cluster;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An S3-compatible store: s3proxy over a local directory, where each sub-directory is a bucket. Every JVM
 * that talks to it gets {@link #clientEnv()}: credentials, a region, and relaxed checksums (the AWS SDK's
 * default checksums are newer than s3proxy 3).
 */
final class S3Store implements AutoCloseable {
  static final String ACCESS_KEY = "twin";
  static final String SECRET_KEY = "twin-secret-key";
  static final String REGION = "us-east-1";

  private final int port;
  private final ChildJvm process;

  private S3Store(int port, ChildJvm process) {
    this.port = port;
    this.process = process;
  }

  static S3Store start(Path dir, String bucket) throws InterruptedException {
    int port = FreePorts.next();
    try {
      Files.createDirectories(dir.resolve("data").resolve(bucket));
      Files.writeString(dir.resolve("s3proxy.properties"), """
          s3proxy.endpoint=http://127.0.0.1:%d
          s3proxy.authorization=aws-v2-or-v4
          s3proxy.identity=%s
          s3proxy.credential=%s
          jclouds.provider=filesystem
          jclouds.filesystem.basedir=%s
          """.formatted(port, ACCESS_KEY, SECRET_KEY, dir.resolve("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildJvm process =
        ChildJvm.startIn(
            new ChildJvm.Spec(
                "s3proxy", Classpaths.s3Store(), "org.gaul.s3proxy.Main",
                List.of("--properties", dir.resolve("s3proxy.properties").toString()),
                List.of("-Xmx192m", "-XX:+UseSerialGC"), Map.of()),
            dir.resolve("logs"));
    process.awaitReady("s3proxy listening on " + port, Duration.ofMinutes(3), () -> listening(port));
    return new S3Store(port, process);
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** What a JVM needs in its environment to use the store through the AWS SDK's default chain. */
  static Map<String, String> clientEnv() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
        "AWS_REGION", REGION,
        "AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED",
        "AWS_RESPONSE_CHECKSUM_VALIDATION", "WHEN_REQUIRED");
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
