package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.understanding.Resources;
import ai.digitaltwin.api.chat.understanding.SentimentScorer;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two personalities answer the same questions with the same figures in recognisably different words;
 * the mood is said when it is worth saying; a hostile message meets hurt, defensiveness or calm, never
 * cheer. The lines looked for are read from chat/voice.tsv, so the test follows the data.
 */
class ChatVoiceTest {
  private static final BigFive EFFUSIVE_WORRIER = new BigFive(0.7, 0.85, 0.9, 0.85, 0.85);
  private static final BigFive TERSE_STOIC = new BigFive(0.3, 0.15, 0.1, 0.15, 0.1);
  private static final BigFive HURT = new BigFive(0.5, 0.5, 0.5, 0.85, 0.8);
  private static final BigFive DEFENSIVE = new BigFive(0.5, 0.5, 0.5, 0.15, 0.8);
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.:]\\d+)?");

  private final ChatService chat = SharedChat.service();
  private final SentimentScorer sentiment = SentimentScorer.load();

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
    assertThat(effusive.reply()).contains("!");
    assertThat(lines("concern", "anxious")).anyMatch(effusive.reply()::contains);
    assertThat(terse.reply()).doesNotContain("!");
    assertThat(lines("concern", "calm")).anyMatch(terse.reply()::contains);
    List<String> warm = new ArrayList<>();
    List<String> cool = new ArrayList<>();
    Dialogue a = new Dialogue();
    Dialogue b = new Dialogue();
    for (String q : List.of("How's your heart rate?", "How did you sleep?", "How many steps today?", "What's your mood?",
        "Any alerts?", "What's your blood pressure?", "What do you do on weekends?", "Tell me about your personality")) {
      warm.add(chat.reply(SharedChat.ada(EFFUSIVE_WORRIER), q, T0, a).reply());
      cool.add(chat.reply(SharedChat.ada(TERSE_STOIC), q, T0, b).reply());
    }
    assertThat(warm).as("the agreeable twin asks back now and then").anyMatch(r -> lines("closer", "warm").stream().anyMatch(r::contains));
    assertThat(cool).noneMatch(r -> lines("closer", "warm").stream().anyMatch(r::contains));
  }

  @Test
  void theMoodIsSaidOnTheFirstTurnAndWhenAskedNotInEveryReply() {
    TwinPersona down = SharedChat.ada(BigFive.neutral()).withMood("low", -0.6);
    TwinPersona up = SharedChat.ada(BigFive.neutral()).withMood("happy", 0.7);
    ChatReply sad = chat.reply(down, "How's your heart rate?", T0);
    ChatReply glad = chat.reply(up, "How's your heart rate?", T0);
    assertThat(lines("mood", "low")).anyMatch(sad.reply()::contains);
    assertThat(lines("mood", "high")).anyMatch(glad.reply()::contains);
    assertThat(sad.mood()).isEqualTo("low");
    assertThat(numbers(sad.reply())).isEqualTo(numbers(glad.reply()));
    Dialogue dialogue = new Dialogue();
    chat.reply(down, "How's your heart rate?", T0, dialogue);
    ChatReply later = chat.reply(down, "How many steps did you take yesterday?", T0, dialogue);
    assertThat(lines("mood", "low")).noneMatch(later.reply()::contains);
    ChatReply asked = chat.reply(down, "How are you feeling?", T0, dialogue);
    assertThat(lines("mood", "low")).anyMatch(asked.reply()::contains);
  }

  @Test
  void hostilityMeetsHurtDefensivenessOrCalmNeverCheer() {
    String insult = "I am angry at you, you are useless";
    ChatReply hurt = chat.reply(SharedChat.ada(HURT), insult, T0);
    ChatReply defensive = chat.reply(SharedChat.ada(DEFENSIVE), insult, T0);
    ChatReply calm = chat.reply(SharedChat.ada(TERSE_STOIC), insult, T0);
    ChatReply cheerful = chat.reply(SharedChat.ada(EFFUSIVE_WORRIER).withMood("happy", 0.8), insult, T0);
    assertThat(hurt.sentiment().label()).isEqualTo("negative");
    assertThat(lines("reaction", "hurt")).anyMatch(hurt.reply()::contains);
    assertThat(lines("reaction", "defensive")).anyMatch(defensive.reply()::contains);
    assertThat(lines("reaction", "calm")).anyMatch(calm.reply()::contains);
    for (ChatReply reply : List.of(hurt, defensive, calm, cheerful)) {
      assertThat(reply.reply()).doesNotContain("!");
      assertThat(sentiment.score(reply.reply()).label()).as(reply.reply()).isNotEqualTo("positive");
      assertThat(lines("mood", "high")).noneMatch(reply.reply()::contains);
    }
  }

  private static List<String> lines(String slot, String style) {
    List<String> out = new ArrayList<>();
    for (String[] row : Resources.tsv("chat/voice.tsv", 3)) {
      if (row[0].equals(slot) && row[1].equals(style) && !row[2].equals("-")) {
        out.add(row[2]);
      }
    }
    return out;
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
