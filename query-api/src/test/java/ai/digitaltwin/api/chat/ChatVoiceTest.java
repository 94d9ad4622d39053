package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Two personalities answer the same questions with the same figures in recognisably different words. */
class ChatVoiceTest {
  private static final BigFive EFFUSIVE_WORRIER = new BigFive(0.7, 0.85, 0.9, 0.85, 0.85);
  private static final BigFive TERSE_STOIC = new BigFive(0.3, 0.15, 0.1, 0.15, 0.1);
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.:]\\d+)?");

  private final ChatService chat = SharedChat.service();

  @Test
  void sameFiguresDifferentWords() {
    for (String question : List.of("How's your heart rate?", "How did you sleep last night?",
        "Any alerts this week?", "Compare your heart rate this week vs last week", "What was your blood pressure yesterday?")) {
      ChatReply effusive = chat.reply(SharedChat.ada(EFFUSIVE_WORRIER), question, T0);
      ChatReply terse = chat.reply(SharedChat.ada(TERSE_STOIC), question, T0);
      assertThat(effusive.intent()).isEqualTo(terse.intent());
      assertThat(effusive.reply()).as(question).isNotEqualTo(terse.reply());
      assertThat(numbers(effusive.reply())).as(question).isEqualTo(numbers(terse.reply())).isNotEmpty();
      assertThat(effusive.evidence()).isEqualTo(terse.evidence());
      assertThat(effusive.reply().length()).as("the extravert, agreeable twin says more").isGreaterThan(terse.reply().length());
    }
  }

  @Test
  void traitsShowInWarmthWorryAndExclamation() {
    ChatReply effusive = chat.reply(SharedChat.ada(EFFUSIVE_WORRIER), "Any alerts this week?", T0);
    ChatReply terse = chat.reply(SharedChat.ada(TERSE_STOIC), "Any alerts this week?", T0);
    assertThat(effusive.reply()).contains("!").containsAnyOf("worries me", "anxious");
    assertThat(terse.reply()).doesNotContain("!").containsAnyOf("not too worried", "lose sleep");
    assertThat(effusive.reply()).containsAnyOf("nice of you", "Thanks for checking", "happy to help");
  }

  @Test
  void lowMoodColoursTheReply() {
    TwinPersona down = SharedChat.ada(BigFive.neutral()).withMood("low", -0.6);
    TwinPersona up = SharedChat.ada(BigFive.neutral()).withMood("happy", 0.7);
    ChatReply sad = chat.reply(down, "How's your heart rate?", T0);
    ChatReply glad = chat.reply(up, "How's your heart rate?", T0);
    assertThat(sad.reply()).containsAnyOf("not in the best of moods", "a bit down");
    assertThat(glad.reply()).containsAnyOf("good mood", "Feeling great");
    assertThat(sad.mood()).isEqualTo("low");
    assertThat(numbers(sad.reply())).isEqualTo(numbers(glad.reply()));
  }

  private static List<String> numbers(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
