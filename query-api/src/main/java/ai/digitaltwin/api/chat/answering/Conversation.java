package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Timeframe;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import ai.digitaltwin.api.chat.voice.Voice;
import java.util.List;
import java.util.Map;

/** SMALL_TALK, HELP and UNKNOWN: answered from the persona and fixed words, never with figures. */
final class Conversation {
  private Conversation() {}

  static Answer smallTalk(Context ctx) {
    TwinPersona persona = ctx.persona();
    String topic = ctx.question().topic() == null ? "greeting" : ctx.question().topic();
    if (ctx.said().name() != null && (topic.equals("greeting") || topic.equals("identity"))) {
      topic = "introduce";
    }
    String job = persona.occupation() == null ? "" : ", " + article(persona.occupation());
    String user = ctx.dialogue().userName();
    List<String> worries = ctx.dialogue().worries();
    Map<String, String> values = Context.values("name", persona.name(), "job", job,
        "occupation", persona.occupation() == null ? "" : article(persona.occupation()),
        "age", persona.age() == null ? "" : persona.age().toString(),
        "user", user == null ? "" : user,
        "worry", worries.isEmpty() ? "" : Vitals.list(worries));
    String key = "smalltalk." + topic;
    boolean unknown = (topic.equals("age") && persona.age() == null) || (topic.equals("job") && persona.occupation() == null)
        || ((topic.equals("myname") || topic.equals("introduce")) && user == null)
        || (topic.equals("worries") && worries.isEmpty());
    if (unknown) {
      key += ".unknown";
    }
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().any(key, seed(ctx), values, ctx.recent()::fresh));
  }

  /** Varies the words by message and turn. */
  private static String seed(Context ctx) {
    return ctx.question().message().raw() + "|" + ctx.dialogue().turns();
  }

  /** Asks back: about which measure a time was meant, or what "why" or "it" refers to. */
  static Answer clarify(Context ctx) {
    String topic = ctx.question().topic() == null ? "what" : ctx.question().topic();
    Timeframe time = ctx.question().time();
    Map<String, String> values = time.named() ? Context.range(time.range()) : Context.values();
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().any("clarify." + topic, seed(ctx), values));
  }

  static Answer help(Context ctx) {
    // someone unsure what to ask gets a plain start rather than the full, upbeat list
    String key = ctx.feeling().score() <= Voice.NEGATIVE ? "help.unsure" : "help";
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().any(key, seed(ctx), Context.values()));
  }

  static Answer unknown(Context ctx) {
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().any("unknown", seed(ctx), Context.values()),
        ctx.phrases().any("unknown.suggest", seed(ctx) + "|suggest", Context.values()));
  }

  private static String article(String occupation) {
    String lower = occupation.toLowerCase(java.util.Locale.ROOT);
    boolean vowel = !lower.isEmpty() && "aeiou".indexOf(lower.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + occupation;
  }
}
