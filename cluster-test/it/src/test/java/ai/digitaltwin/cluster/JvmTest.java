package ai.digitaltwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmTest {
  @TempDir Path logs;

  @Test
  void aProcessThatExitsBeforeItIsReadyFailsTheWaitAtOnceWithItsLog() {
    // a JVM with no such main class prints why and exits with 1
    Jvm process = Jvm.start(
        new Jvm.Spec("no-main", System.getProperty("java.class.path"), "ai.digitaltwin.cluster.NoSuchMain",
            List.of(), List.of("-Xmx32m"), Map.of()),
        logs);
    long start = System.nanoTime();

    assertThatThrownBy(() -> process.awaitReady(Duration.ofMinutes(2), "something never ready", () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no-main exited with code 1 before something never ready")
        .hasMessageContaining("ai.digitaltwin.cluster.NoSuchMain");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void aWaitOnARunningProcessEndsWhenItIsReady() throws InterruptedException {
    Jvm process = Jvm.start(
        new Jvm.Spec("sleeper", System.getProperty("java.class.path"), Sleeper.class.getName(), List.of(),
            List.of("-Xmx32m"), Map.of()),
        logs);
    try {
      int[] looks = {0};
      process.awaitReady(Duration.ofMinutes(2), "the third look", () -> ++looks[0] == 3);
      assertThat(looks[0]).isEqualTo(3);
      assertThat(process.alive()).isTrue();
    } finally {
      process.kill();
    }
  }

  /** A process that runs until it is killed. */
  static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
  }
}
