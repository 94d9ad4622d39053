package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.understanding.Earlier;
import ai.digitaltwin.api.chat.understanding.Intent;
import ai.digitaltwin.api.chat.understanding.Question;
import ai.digitaltwin.api.chat.understanding.Remember;
import ai.digitaltwin.api.chat.understanding.Timeframe;
import java.util.ArrayList;
import java.util.List;

/**
 * One user's conversation with one twin: the last question answered from data (what "and yesterday?",
 * "why?" or "what about your sleep then?" refer to), a time the twin asked back about, and what the
 * user said about themselves (their name, what worries them). It is history like the rest: after a
 * restart it is rebuilt by replaying the user's stored messages ({@link ChatService#remember}).
 * Only the chat changes it ({@link #heard}); the stages read it as {@link Earlier}.
 * Thread-safe; one reply at a time per conversation.
 */
public final class Dialogue implements Earlier {
  static final int MAX_WORRIES = 3;

  private Question last;
  private Timeframe pendingTime;
  private String userName;
  private final List<String> worries = new ArrayList<>();
  private int turns;

  @Override
  public synchronized Question last() {
    return last;
  }

  @Override
  public synchronized Timeframe pendingTime() {
    return pendingTime;
  }

  @Override
  public synchronized String userName() {
    return userName;
  }

  @Override
  public synchronized List<String> worries() {
    return List.copyOf(worries);
  }

  /** How many messages this conversation has had, the one being answered not counted. */
  @Override
  public synchronized int turns() {
    return turns;
  }

  synchronized void heard(Question question, Remember.Said said) {
    turns++;
    if (said.name() != null) {
      userName = said.name();
    }
    if (said.worry() != null) {
      worries.remove(said.worry());
      worries.add(0, said.worry());
      if (worries.size() > MAX_WORRIES) {
        worries.remove(worries.size() - 1);
      }
    }
    if (question.intent() == Intent.CLARIFY) {
      pendingTime = question.time().named() ? question.time() : pendingTime;
    } else if (question.intent().factual()) {
      last = question;
      pendingTime = null;
    }
  }
}
