package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Turns read against the conversation: follow-ups, asking back, what the user said about themselves,
 * and a conversation rebuilt from its stored messages answering the next follow-up as the original.
 */
class ChatConversationTest {
  private final ChatService chat = SharedChat.service();
  private final TwinPersona ada = SharedChat.ada(BigFive.neutral());
  private final FactChecks facts = new FactChecks(SharedChat.fixture());

  @Test
  void andYesterdayAsksTheLastQuestionAgainForYesterday() {
    Dialogue dialogue = new Dialogue();
    assertThat(chat.reply(ada, "what's your heart rate?", T0, dialogue).intent()).isEqualTo("health_now");
    ChatReply yesterday = chat.reply(ada, "and yesterday?", T0, dialogue);
    assertThat(yesterday.intent()).isEqualTo("history");
    assertThat(yesterday.reply()).contains(facts.expected("hr_avg 2026-05-19T00:00:00Z 2026-05-20T00:00:00Z"))
        .doesNotContain("blood pressure");
    ChatReply before = chat.reply(ada, "and the day before?", T0, dialogue);
    assertThat(before.reply()).contains(facts.expected("hr_avg 2026-05-18T00:00:00Z 2026-05-19T00:00:00Z"));
  }

  @Test
  void whatAboutYourSleepThenKeepsTheTimeAndWhyExplains() {
    Dialogue dialogue = new Dialogue();
    chat.reply(ada, "what was your pulse yesterday", T0, dialogue);
    ChatReply sleep = chat.reply(ada, "what about your sleep then?", T0, dialogue);
    assertThat(sleep.intent()).isEqualTo("sleep");
    assertThat(sleep.reply()).contains("Yesterday I slept");
    ChatReply why = chat.reply(ada, "why is your heart rate so high?", T0, dialogue);
    assertThat(why.intent()).isEqualTo("explain");
  }

  @Test
  void withNothingToReferToTheTwinAsksBack() {
    ChatReply vague = chat.reply(ada, "and yesterday?", T0, new Dialogue());
    assertThat(vague.intent()).isEqualTo("clarify");
    assertThat(vague.reply()).contains("Yesterday").contains("sleep").doesNotContainPattern("[0-9]");
    assertThat(vague.evidence()).isEmpty();
    Dialogue dialogue = new Dialogue();
    chat.reply(ada, "and yesterday?", T0, dialogue);
    ChatReply answered = chat.reply(ada, "your sleep", T0, dialogue);
    assertThat(answered.intent()).isEqualTo("sleep");
    assertThat(answered.reply()).contains("Yesterday I slept");
    assertThat(chat.reply(ada, "why?", T0, new Dialogue()).intent()).isEqualTo("clarify");
  }

  @Test
  void rememberesTheUsersNameAndWorry() {
    Dialogue dialogue = new Dialogue();
    assertThat(chat.reply(ada, "What's my name?", T0, dialogue).reply()).contains("haven't told me");
    assertThat(chat.reply(ada, "Hi, my name is Sam", T0, dialogue).reply()).contains("Sam");
    chat.reply(ada, "I'm worried about your sleep", T0, dialogue);
    assertThat(chat.reply(ada, "How's your heart rate?", T0, dialogue).intent()).isEqualTo("health_now");
    assertThat(chat.reply(ada, "do you remember my name?", T0, dialogue).reply()).contains("Sam");
    assertThat(chat.reply(ada, "what did I say worries me?", T0, dialogue).reply()).contains("sleep");
  }

  @Test
  void aConversationReplayedFromItsMessagesAnswersTheNextFollowUpAlike() {
    Dialogue live = new Dialogue();
    chat.reply(ada, "I'm Priya", T0.minus(Duration.ofMinutes(3)), live);
    chat.reply(ada, "how many steps did you take yesterday", T0.minus(Duration.ofMinutes(2)), live);
    Dialogue rebuilt = new Dialogue();
    chat.remember(rebuilt, ada, "I'm Priya", T0.minus(Duration.ofMinutes(3)));
    chat.remember(rebuilt, ada, "how many steps did you take yesterday", T0.minus(Duration.ofMinutes(2)));
    ChatReply a = chat.reply(ada, "and on monday?", T0, live);
    ChatReply b = chat.reply(ada, "and on monday?", T0, rebuilt);
    assertThat(b.intent()).isEqualTo(a.intent()).isEqualTo("activity");
    assertThat(b.reply()).contains(facts.expected("steps 2026-05-18T00:00:00Z 2026-05-19T00:00:00Z"));
    assertThat(chat.reply(ada, "what's my name?", T0, rebuilt).reply()).contains("Priya");
  }
}
