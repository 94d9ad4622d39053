package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One service answering from several threads gives the same replies as one thread. */
class ChatConcurrencyTest {
  @Test
  void repliesFromManyThreadsMatchSequentialOnes() throws Exception {
    ChatService chat = SharedChat.service();
    TwinPersona ada = SharedChat.ada(BigFive.neutral());
    List<String> questions = ChatEvaluationTest.cases().stream().map(ChatEvaluationTest.Case::question).limit(40).toList();
    List<String> expected = new ArrayList<>();
    for (String q : questions) {
      expected.add(chat.reply(ada, q, T0).reply());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (String q : questions) {
        futures.add(pool.submit(() -> chat.reply(ada, q, T0).reply()));
      }
      for (int i = 0; i < questions.size(); i++) {
        assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).as(questions.get(i)).isEqualTo(expected.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
