package ai.digitaltwin.api.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.api.history.HistoryQueryException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedMemoryTest {
  static final Duration BUDGET = Duration.ofSeconds(5);

  final SharedMemory memory = new SharedMemory();

  @Test
  void aQueryOutOfMemoryBesideAnotherRunsAgainOnceThatOneIsDone() throws Exception {
    CountDownLatch hogMayEnd = new CountDownLatch(1);
    CompletableFuture<String> hog = running("hog", hogMayEnd);
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> crowded = CompletableFuture.supplyAsync(() -> memory.run(left -> {
      if (attempts.incrementAndGet() == 1) {
        // the hog holds on a while after this query failed beside it (the failure is counted at once)
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(hogMayEnd::countDown);
        throw outOfMemory();
      }
      return "answer";
    }, BUDGET));
    assertThat(crowded.get(5, TimeUnit.SECONDS)).isEqualTo("answer");
    assertThat(attempts).hasValue(2);
    assertThat(hog.get(5, TimeUnit.SECONDS)).isEqualTo("hog");
  }

  @Test
  void aQueryOutOfMemoryAfterTheOneBesideItEndedRunsAgainToo() throws Exception {
    // the hog was cut off and left, but its memory was not free yet when this query failed
    CountDownLatch hogMayEnd = new CountDownLatch(1);
    CompletableFuture<String> hog = running("hog", hogMayEnd);
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> crowded = CompletableFuture.supplyAsync(() -> memory.run(left -> {
      if (attempts.incrementAndGet() == 1) {
        hogMayEnd.countDown();
        try {
          hog.get(5, TimeUnit.SECONDS); // gone before the failure is counted
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        throw outOfMemory();
      }
      return "answer";
    }, BUDGET));
    assertThat(crowded.get(5, TimeUnit.SECONDS)).isEqualTo("answer");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aQueryOutOfMemoryWhileAnotherStartedAndEndedRunsAgainToo() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    String answer = memory.run(left -> {
      if (attempts.incrementAndGet() == 1) {
        assertThat(memory.<String>run(l -> "brief", BUDGET)).isEqualTo("brief"); // started after it, ended before it failed
        throw outOfMemory();
      }
      return "answer";
    }, BUDGET);
    assertThat(answer).isEqualTo("answer");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aQueryOutOfMemoryAloneCausedItAndFails() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> memory.run(left -> {
      attempts.incrementAndGet();
      throw outOfMemory();
    }, BUDGET)).isInstanceOf(HistoryQueryException.class).hasMessageContaining("Out of Memory");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anAllocationFailureInsideAFunctionCountsAsOutOfMemory() {
    // what the SQL check's json_serialize_sql raised when an attack beside it held the memory limit
    assertThat(SharedMemory.outOfMemory(new HistoryQueryException(
        "Parser Error: Error parsing json: out of memory: failed to allocate data of size 8.0 KiB (960.0 MiB/953.6 MiB used)", null)))
        .isTrue();
    assertThat(SharedMemory.outOfMemory(outOfMemory())).isTrue();
    // what json_serialize_sql returned as its error_message in another run under the same attacks
    assertThat(SharedMemory.allocationFailure("failed to allocate data of size 8.0 KiB (944.0 MiB/953.6 MiB used)")).isTrue();
    assertThat(SharedMemory.outOfMemory(new HistoryQueryException("Parser Error: syntax error at or near \"memory\"", null))).isFalse();
  }

  @Test
  void otherErrorsAreNotRetried() throws Exception {
    CountDownLatch otherMayEnd = new CountDownLatch(1);
    CompletableFuture<String> other = running("other", otherMayEnd);
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> memory.run(left -> {
      attempts.incrementAndGet();
      throw new HistoryQueryException("Binder Error: no such column", null);
    }, BUDGET)).hasMessageContaining("Binder Error");
    assertThat(attempts).hasValue(1);
    otherMayEnd.countDown();
    assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("other");
  }

  /** A query answering {@code answer} once {@code mayEnd} opens; returns when it runs. */
  private CompletableFuture<String> running(String answer, CountDownLatch mayEnd) {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> query = CompletableFuture.supplyAsync(() -> memory.run(left -> {
      started.countDown();
      await(mayEnd);
      return answer;
    }, BUDGET));
    await(started);
    return query;
  }

  private static HistoryQueryException outOfMemory() {
    return new HistoryQueryException("Out of Memory Error: failed to allocate data of size 32.0 KiB", null);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
