package ai.digitaltwin.api.chat.voice;

import ai.digitaltwin.api.chat.understanding.Earlier;
import ai.digitaltwin.api.chat.understanding.Intent;
import ai.digitaltwin.api.chat.understanding.Question;
import ai.digitaltwin.api.chat.understanding.Remember;
import ai.digitaltwin.api.chat.understanding.Resources;
import ai.digitaltwin.api.chat.understanding.Sentiment;
import ai.digitaltwin.api.chat.understanding.SentimentScorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaks an {@link Answer} in the twin's voice, from {@code chat/voice.tsv}: extraversion picks the
 * opener and exclamation, neuroticism how worried the appraisal sounds, conscientiousness how much of the
 * detail is said, agreeableness whether the twin asks back; the mood is mentioned when it is worth
 * saying, and a negative message is answered in kind (hurt, defensive or calm by the traits, comfort for
 * the user's own bad news), never with cheer. The facts pass through unchanged, so two twins state the
 * same numbers in different words; a twin remembers what it said lately ({@link Recent}) and varies.
 */
public final class Voice {
  static final double HIGH = 0.6;
  static final double LOW = 0.4;
  static final double MOOD_SWING = 0.3;
  /** VADER's cut-off for a negative message. */
  public static final double NEGATIVE = -0.05;
  /** Casual twins say this many fact sentences at most: the main ones come first. */
  static final int CASUAL_FACTS = 2;

  /** Everything one reply is spoken from. */
  public record Turn(TwinPersona persona, Question question, Answer answer, Sentiment feeling, Earlier dialogue,
      Remember.Said said, Recent recent) {}

  private final Map<String, List<String>> variants;
  private final java.util.Set<String> hostileWords;
  private final SentimentScorer sentiment;
  private final Map<String, Recent> recent = new java.util.concurrent.ConcurrentHashMap<>();

  private Voice(Map<String, List<String>> variants, java.util.Set<String> hostileWords, SentimentScorer sentiment) {
    this.variants = variants;
    this.hostileWords = hostileWords;
    this.sentiment = sentiment;
  }

  public static Voice load(SentimentScorer sentiment) {
    Map<String, List<String>> variants = new HashMap<>();
    for (String[] row : Resources.tsv("chat/voice.tsv", 3)) {
      if (row[2].chars().anyMatch(Character::isDigit)) {
        throw new IllegalStateException("chat/voice.tsv: a voice template must carry no figures: " + row[2]);
      }
      variants.computeIfAbsent(row[0] + "." + row[1], k -> new ArrayList<>()).add(row[2].equals("-") ? "" : row[2]);
    }
    java.util.Set<String> hostile = new java.util.HashSet<>();
    for (String line : Resources.lines("chat/hostile-words.txt")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        hostile.add(line.strip());
      }
    }
    return new Voice(Map.copyOf(variants), java.util.Set.copyOf(hostile), sentiment);
  }

  public String speak(Turn turn) {
    BigFive t = turn.persona().traits();
    Intent intent = turn.question().intent();
    Answer answer = turn.answer();
    Recent said = turn.recent();
    String seed = turn.persona().twinId() + "|" + turn.question().message().raw() + "|" + turn.dialogue().turns();
    boolean negative = turn.feeling().score() <= NEGATIVE;
    boolean hostile = negative && ("insult".equals(turn.question().topic())
        || turn.question().message().tokens().stream().anyMatch(hostileWords::contains));
    boolean comfort = negative && !hostile && !intent.factual();
    boolean outgoing = t.extraversion() >= HIGH;

    List<String> before = new ArrayList<>();
    if (hostile) {
      String style = t.neuroticism() <= LOW ? "calm" : t.agreeableness() >= HIGH ? "hurt"
          : t.agreeableness() <= LOW ? "defensive" : t.neuroticism() >= HIGH ? "hurt" : "calm";
      before.add(said.pick(variants("reaction." + style), seed));
    } else if (comfort) {
      before.add(said.pick(variants("comfort.any"), seed));
    } else if (moodWorthSaying(turn)) {
      before.add(said.pick(variants(turn.persona().moodScore() < 0 ? "mood.low" : "mood.high"), seed));
    }

    List<String> facts = new ArrayList<>();
    for (String fact : answer.facts()) {
      // a sentence without figures said in the last few replies ("bradycardia means ...") is not repeated
      if (facts.isEmpty() || fact.chars().anyMatch(Character::isDigit) || !said.lately(fact)) {
        facts.add(fact);
      }
    }
    if (t.conscientiousness() <= LOW && facts.size() > CASUAL_FACTS) {
      facts.subList(CASUAL_FACTS, facts.size()).clear();
    }
    boolean cheerful = outgoing && !negative && answer.assessment() != Answer.Assessment.CONCERN
        && answer.assessment() != Answer.Assessment.NO_DATA;
    if (cheerful && !facts.isEmpty() && facts.get(0).endsWith(".")) {
      String first = facts.get(0);
      facts.set(0, first.substring(0, first.length() - 1) + "!");
    }

    List<String> after = new ArrayList<>();
    String worry = t.neuroticism() >= HIGH ? "anxious" : t.neuroticism() <= LOW ? "calm" : "steady";
    if (negative && worry.equals("calm")) {
      worry = "steady"; // "all good, nothing to worry about" is cheer to someone upset
    }
    // reserved twins leave a normal figure at that; worriers never do
    boolean appraise = answer.assessment() == Answer.Assessment.CONCERN || worry.equals("anxious")
        || (t.extraversion() > LOW && chance(seed, "appraise", 2));
    switch (answer.assessment()) {
      case CONCERN -> after.add(said.pick(variants("concern." + worry), seed));
      case NORMAL -> { if (appraise && !negative) after.add(said.pick(variants("normal." + worry), seed)); }
      case NO_DATA -> { if (appraise) after.add(said.pick(variants("nodata." + worry), seed)); }
      case INFO, NONE -> { }
    }
    if (turn.said().worry() != null && intent.factual()) {
      after.add(Format.fill(said.pick(variants("worry.any"), seed), Map.of("worry", turn.said().worry())));
    }
    if (!negative && t.agreeableness() >= HIGH && intent != Intent.CLARIFY && chance(seed, "closer", 3)) {
      after.add(said.pick(variants("closer.warm"), seed));
    }

    String style = intent == Intent.UNKNOWN || intent == Intent.CLARIFY ? "chat"
        : outgoing ? "outgoing" : t.extraversion() <= LOW ? "reserved" : "balanced";
    List<String> openers = hostile || comfort || intent == Intent.SMALL_TALK ? List.of("")
        : variants("opener." + (negative ? "sober" : style));
    String text = said.open(openers, seed, opener -> join(before, opener, facts, after));
    if (negative && sentiment.score(text).score() >= SentimentScorer.THRESHOLD) {
      // answered in kind: a reply to someone upset must not come out cheerful, so the extras go first
      text = said.open(openers, seed + "|sober", opener -> join(before, opener, facts, List.of()));
      if (sentiment.score(text).score() >= SentimentScorer.THRESHOLD) {
        List<String> sober = new ArrayList<>(before);
        sober.add(0, said.pick(variants("sober.any"), seed));
        text = join(sober, "", facts, List.of());
      }
    }
    for (String fact : facts) {
      said.keepLine(fact);
    }
    said.said(text);
    return text;
  }

  /** The mood is said on the first turn, to a greeting and to a question about feelings, when it is marked. */
  private static boolean moodWorthSaying(Turn turn) {
    if (Math.abs(turn.persona().moodScore()) < MOOD_SWING) {
      return false;
    }
    Intent intent = turn.question().intent();
    return turn.dialogue().turns() <= 1 || intent == Intent.MOOD
        || (intent == Intent.SMALL_TALK && "greeting".equals(turn.question().topic()));
  }

  /** One time in {@code n}, decided by the message so that a reply is reproducible. */
  private static boolean chance(String seed, String what, int n) {
    return Math.floorMod((seed + "|" + what).hashCode(), n) == 0;
  }

  private static String join(List<String> before, String opener, List<String> facts, List<String> after) {
    List<String> parts = new ArrayList<>(before);
    parts.add(opener);
    parts.addAll(facts);
    parts.addAll(after);
    return String.join(" ", parts.stream().filter(p -> !p.isBlank()).toList());
  }

  private List<String> variants(String key) {
    List<String> options = variants.get(key);
    if (options == null || options.isEmpty()) {
      throw new IllegalStateException("chat/voice.tsv has no line for " + key);
    }
    return options;
  }

  /** What {@code twinId} said lately: the memory a conversation's replies vary against. */
  public Recent recent(String twinId) {
    if (recent.size() > Recent.MAX_TWINS) {
      recent.clear(); // a rough bound: forgetting what was said lately costs only some variety
    }
    return recent.computeIfAbsent(twinId, id -> new Recent());
  }
}
