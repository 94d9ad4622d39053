package ai.digitaltwin.api.chat.store;

import ai.digitaltwin.api.chat.Transcript;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.OverlayTable;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The conversation history: {@code chat_messages} in Iceberg plus the messages this API produced that the
 * stream job has not committed yet (an overlay, as for twin edits), so a message is in the history as soon
 * as its reply is. Per replica: another replica sees it after the job's next commit.
 */
public final class ChatLog {
  static final String OVERLAY = "recent_chat";
  static final String LIVE_VIEW = "chat_messages_live";

  private static final String COLUMNS =
      "event_id, twin_id, ts, role, user_id, text, intent, sentiment_label, sentiment_score";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String PAGE =
      "SELECT " + COLUMNS + " FROM " + LIVE_VIEW
          + " WHERE twin_id = ? ORDER BY ts DESC, event_id DESC LIMIT ? OFFSET ?";
  static final String SAID =
      "SELECT ts, text FROM " + LIVE_VIEW
          + " WHERE twin_id = ? AND user_id = ? AND role = 'user' ORDER BY ts DESC, event_id DESC LIMIT ?";
  static final String COUNT = "SELECT count(*) FROM " + LIVE_VIEW + " WHERE twin_id = ?";

  private final TwinHistory history;
  /** The {@code chat_messages} snapshot the overlay was last pruned against: only a new commit can empty it. */
  private long prunedAgainst = Long.MIN_VALUE;

  public ChatLog(TwinHistory history) {
    this.history = history;
  }

  /** What the API's database must run once its views exist. */
  public static List<String> ddl() {
    return OverlayTable.ddl(Tables.CHAT_MESSAGES, TableDefinitions.CHAT_MESSAGES, OVERLAY, LIVE_VIEW);
  }

  /** A page of one twin's messages, newest first. */
  public record Page(String twinId, List<Message> items, long total, int limit, int offset) {}

  /** One message of the history, as {@code chat_messages} has it ({@code ts} as ISO-8601 text). */
  public record Message(
      String eventId,
      String twinId,
      String ts,
      String role,
      String userId,
      String text,
      String intent,
      String sentimentLabel,
      Double sentimentScore) {}

  /**
   * Keeps messages Kafka has acknowledged until Iceberg shows them. Serialised: DuckDB refuses two
   * transactions deleting the same overlay rows at once, and these writes take a millisecond. Pruning
   * reads every event id of {@code chat_messages}, so it runs only after a new commit of that table.
   */
  synchronized void add(List<ChatMessage> messages) {
    long snapshot =
        history.views().state(Tables.CHAT_MESSAGES).map(IcebergViews.ViewState::snapshotId).orElse(-1L);
    if (snapshot != prunedAgainst) {
      history.update(OverlayTable.prune(Tables.CHAT_MESSAGES, OVERLAY), List.of());
      prunedAgainst = snapshot;
    }
    List<Object> values = new ArrayList<>();
    for (ChatMessage m : messages) {
      values.addAll(
          Arrays.asList(
              m.getEventId(),
              m.getTwinId(),
              m.getTs().atOffset(ZoneOffset.UTC),
              m.getRole(),
              m.getUserId(),
              m.getText(),
              m.getIntent(),
              m.getSentimentLabel(),
              m.getSentimentScore()));
    }
    // one statement for the exchange: both sides appear together or not at all
    String rows = String.join(", ", Collections.nCopies(messages.size(), ROW));
    history.update("INSERT INTO " + OVERLAY + " (" + COLUMNS + ") VALUES " + rows, values);
  }

  /** What {@code userId} last said to the twin, newest first, at most {@code limit} messages. */
  List<Transcript.Line> said(String twinId, String userId, int limit) {
    return history.query(SAID, List.of(twinId, userId, limit))
        .map(row -> new Transcript.Line(Instant.parse(row.text("ts")), row.text("text")));
  }

  /** A page of one twin's messages, both sides, newest first. */
  public Page page(String twinId, int limit, int offset) {
    List<Message> items = history.query(PAGE, List.of(twinId, limit, offset)).map(Message.class);
    long total = ((Number) history.query(COUNT, List.of(twinId)).rows().get(0).get(0)).longValue();
    return new Page(twinId, items, total, limit, offset);
  }
}
