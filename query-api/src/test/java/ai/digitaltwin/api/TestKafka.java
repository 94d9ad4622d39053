package ai.digitaltwin.api;

import ai.digitaltwin.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real broker for every test class of this module (they run in one JVM): starting one costs
 * seconds, and the API instances of different classes sharing it is what replicas do anyway.
 */
public final class TestKafka {
  private static EmbeddedKafka kafka;

  private TestKafka() {}

  public static synchronized String bootstrap() {
    if (kafka == null) {
      try {
        Path dir = Files.createTempDirectory("query-api-kafka");
        kafka = EmbeddedKafka.start(dir);
        kafka.createTopics(2);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          kafka.close();
          delete(dir);
        }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return kafka.bootstrapServers();
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp files only
    }
  }
}
