package ai.digitaltwin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put each process's class path and the application jar (see this module's pom). */
final class Classpaths {
  private Classpaths() {}

  static Path workDir() {
    return Path.of(property("cluster.workDir"));
  }

  static Path flinkAppJar() {
    return Path.of(property("cluster.flinkAppJar"));
  }

  /** Flink's distribution: what the JobManager and the TaskManagers run with. */
  static String flinkDist() {
    return read(Path.of(property("cluster.flinkDistClasspath")));
  }

  /** s3proxy and its logback configuration. */
  static String s3Store() {
    Path module = Path.of(property("cluster.s3StoreDir"));
    return module.resolve("classes") + ":" + read(module.resolve("classpath.txt"));
  }

  static String restCatalog() {
    Path module = Path.of(property("cluster.restCatalogDir"));
    return module.resolve("classes") + ":" + read(module.resolve("classpath.txt"));
  }

  /** This test's own class path: brokers, generator and API run with it. */
  static String test() {
    return property("cluster.testClasses") + ":" + read(Path.of(property("cluster.testClasspath")));
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(key + " is not set: run this test through Maven (mvn -pl cluster-test/it -am verify)");
    }
    return value;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path file " + file, e);
    }
  }
}
