package ai.digitaltwin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
  @TempDir Path logs;

  @Test
  void aProcessThatExitsBeforeItIsReadyFailsTheWaitAtOnceWithItsLog() {
    // a JVM with no such main class prints why and exits with 1
    ChildJvm process = ChildJvm.start(
        new ChildJvm.Spec("no-main", System.getProperty("java.class.path"), "ai.digitaltwin.testkit.NoSuchMain",
            List.of(), List.of("-Xmx32m"), Map.of()),
        logs.resolve("no-main.log"));
    long start = System.nanoTime();

    assertThatThrownBy(() -> process.awaitReady("something never ready", Duration.ofMinutes(2), () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no-main exited with code 1 before something never ready")
        .hasMessageContaining("ai.digitaltwin.testkit.NoSuchMain");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void aWaitOnARunningProcessEndsWhenItIsReady() throws InterruptedException {
    ChildJvm process = ChildJvm.start(
        ChildJvm.Spec.here("sleeper", Sleeper.class.getName()).withJvmArgs(List.of("-Xmx32m")),
        logs.resolve("sleeper.log"));
    try {
      int[] looks = {0};
      process.awaitReady("the third look", Duration.ofMinutes(2), () -> ++looks[0] == 3);
      assertThat(looks[0]).isEqualTo(3);
      assertThat(process.alive()).isTrue();
    } finally {
      process.kill();
    }
  }

  @Test
  void aLineOfTheLogIsAwaitedAndTheMemoryOfTheProcessRead() throws Exception {
    try (ChildJvm process = ChildJvm.start(
        ChildJvm.Spec.here("talker", Talker.class.getName()).withJvmArgs(List.of("-Xmx32m")), logs.resolve("talker.log"))) {
      long seen = process.awaitLine("ready now", Duration.ofMinutes(2));
      assertThat(seen).isGreaterThan(process.startedNanos());
      assertThat(process.output()).contains("starting").contains("ready now");
      assertThat(process.peakRssMb()).isGreaterThan(1);
    }
  }

  /** Prints two lines, then runs until it is stopped. */
  static final class Talker {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("starting");
      System.out.println("ready now");
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
  }

  /** A process that runs until it is killed. */
  static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
  }
}
