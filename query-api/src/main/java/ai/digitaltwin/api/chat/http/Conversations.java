package ai.digitaltwin.api.chat.http;

import ai.digitaltwin.api.chat.ChatService;
import ai.digitaltwin.api.chat.Dialogue;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations this API is holding, one per twin and user, kept in memory for the follow-ups. A
 * conversation is history like the rest: one not in memory (after a restart, on another replica, or
 * evicted) is rebuilt from the user's last {@link #REPLAYED} stored messages ({@code chat_messages} and
 * the overlay), replayed through the chat's understanding without answering them.
 */
final class Conversations {
  static final int REPLAYED = 12;
  static final int MAX_HELD = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

  private final ChatService chat;
  private final ChatLog log;
  private final Map<String, Dialogue> held = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Dialogue> eldest) {
      return size() > MAX_HELD;
    }
  };

  Conversations(ChatService chat, ChatLog log) {
    this.chat = chat;
    this.log = log;
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
      List<Map<String, Object>> said = log.said(persona.twinId(), userId, REPLAYED);
      for (int i = said.size() - 1; i >= 0; i--) {
        Object ts = said.get(i).get("ts");
        Instant at = ts instanceof OffsetDateTime odt ? odt.toInstant() : Instant.parse(ts.toString());
        chat.remember(rebuilt, persona, (String) said.get(i).get("text"), at);
      }
    } catch (RuntimeException e) {
      LOG.warn("conversation of {} with {} not rebuilt from history: {}", persona.twinId(), userId, e.toString());
    }
    synchronized (held) {
      return held.computeIfAbsent(key, k -> rebuilt);
    }
  }
}
