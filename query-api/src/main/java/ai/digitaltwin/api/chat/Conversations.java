package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations this API is holding, one per twin and user, kept in memory for the follow-ups. A
 * conversation is history like the rest: one not in memory (after a restart, on another replica, or
 * evicted) is rebuilt from the user's last {@link #REPLAYED} messages in the {@link Transcript}, replayed
 * through the chat's understanding without answering them.
 */
final class Conversations {
  static final int REPLAYED = 12;
  static final int MAX_HELD = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

  private final ChatService chat;
  private final Transcript transcript;
  private final Map<String, Dialogue> held = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Dialogue> eldest) {
      return size() > MAX_HELD;
    }
  };

  Conversations(ChatService chat, Transcript transcript) {
    this.chat = chat;
    this.transcript = transcript;
  }

  Dialogue of(TwinPersona persona, String userId) {
    String key = persona.twinId() + "\u0000" + userId;
    synchronized (held) {
      Dialogue dialogue = held.get(key);
      if (dialogue != null) {
        return dialogue;
      }
    }
    Dialogue rebuilt = new Dialogue();
    try {
      List<Transcript.Line> said = transcript.said(persona.twinId(), userId, REPLAYED);
      for (int i = said.size() - 1; i >= 0; i--) {
        chat.remember(rebuilt, persona, said.get(i).text(), said.get(i).at());
      }
    } catch (RuntimeException e) {
      LOG.warn("conversation of {} with {} not rebuilt from history: {}", persona.twinId(), userId, e.toString());
    }
    synchronized (held) {
      return held.computeIfAbsent(key, k -> rebuilt);
    }
  }
}
