package ai.digitaltwin.api.chat.understanding;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a user says about themselves that the twin keeps for the rest of the conversation. */
public final class Remember {
  /** A name is capitalised as written: "I'm Sam", "my name is Sam", "call me Sam". */
  private static final Pattern NAME = Pattern.compile(
      "(?:^|[.!,;]\\s*|\\b)(?i:my name is|my name's|call me|i am|i'm|im|this is)\\s+([A-Z][a-z]{1,20})\\b");
  /** Capitalised words that follow "I'm" without being a name. */
  private static final Set<String> NOT_NAMES = Set.of("sorry", "fine", "ok", "okay", "good", "great", "well", "not",
      "so", "really", "very", "just", "here", "back", "tired", "sad", "angry", "worried", "happy", "afraid", "curious",
      "wondering", "asking", "done", "bored", "confused", "glad", "scared", "concerned", "a", "the", "your", "in", "on");
  private static final Pattern WORRY = Pattern.compile(
      "\\b(?:worried|worry|concerned|anxious|nervous|scared|afraid) (?:about|for|of) (?:your |you |my |the )?([a-z][a-z ]{1,40}?)(?: lately| recently| today| now)?$");

  /** What one message says about the user: a name and a worry, each null when it states none. */
  public record Said(String name, String worry) {}

  private Remember() {}

  /** The name and the worry a message states, each null when it states none. */
  public static Said from(Message message) {
    String name = null;
    Matcher m = NAME.matcher(message.raw());
    while (m.find()) {
      if (!NOT_NAMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        name = m.group(1);
        break;
      }
    }
    String worry = null;
    Matcher w = WORRY.matcher(message.text());
    if (w.find()) {
      worry = w.group(1).strip();
    }
    return new Said(name, worry);
  }
}
