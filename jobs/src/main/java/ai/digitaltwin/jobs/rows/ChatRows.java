package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.ChatMessage;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** A chat message as a row of {@code chat_messages}. */
public final class ChatRows implements MapFunction<Consumed<ChatMessage>, RowData> {
  @Override
  public RowData map(Consumed<ChatMessage> in) {
    ChatMessage e = in.event();
    return GenericRowData.of(
        str(e.getEventId()),
        str(e.getTwinId()),
        ts(e.getTs()),
        str(e.getRole()),
        str(e.getUserId()),
        str(e.getText()),
        str(e.getIntent()),
        str(e.getSentimentLabel()),
        e.getSentimentScore());
  }
}
