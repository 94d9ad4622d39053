package ai.digitaltwin.api.chat.understanding;

import java.util.List;

/**
 * What came earlier in one conversation, as a new message is read against it. The conversation itself
 * (the chat's {@code Dialogue}) is kept by the orchestration, which alone changes it; the stages only
 * read it through this view, so that none of them depends on the package that calls them.
 */
public interface Earlier {
  /** The last question answered from data: what "and yesterday?" or "why?" refer to; null before one. */
  Question last();

  /** A time the twin asked back about ("yesterday?" → "which measure?"), until a question takes it; else null. */
  Timeframe pendingTime();

  /** The name the user gave, or null. */
  String userName();

  /** What the user said worries them, the latest first. */
  List<String> worries();

  /** How many messages the conversation has had, the one being answered not counted. */
  int turns();
}
