package ai.digitaltwin.api.chat;

import java.util.Map;

/** SMALL_TALK, HELP and UNKNOWN: answered from the persona and fixed words, never with figures. */
final class Conversation {
  private Conversation() {}

  static Answer smallTalk(Context ctx) {
    TwinPersona persona = ctx.persona();
    String topic = ctx.question().topic() == null ? "greeting" : ctx.question().topic();
    String job = persona.occupation() == null ? "" : ", " + article(persona.occupation());
    Map<String, String> values = Context.values("name", persona.name(), "job", job,
        "occupation", persona.occupation() == null ? "" : article(persona.occupation()),
        "age", persona.age() == null ? "" : persona.age().toString());
    String key = "smalltalk." + topic;
    if ((topic.equals("age") && persona.age() == null) || (topic.equals("job") && persona.occupation() == null)) {
      key += ".unknown";
    }
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().get(key, values));
  }

  static Answer help(Context ctx) {
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().get("help"));
  }

  static Answer unknown(Context ctx) {
    return Answer.of(Answer.Assessment.NONE, ctx.phrases().get("unknown"), ctx.phrases().get("unknown.suggest"));
  }

  private static String article(String occupation) {
    String lower = occupation.toLowerCase(java.util.Locale.ROOT);
    boolean vowel = !lower.isEmpty() && "aeiou".indexOf(lower.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + occupation;
  }
}
