package ai.digitaltwin.api.live;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.twin.TwinRef;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.apache.avro.generic.IndexedRecord;

/**
 * {@code GET /twins/{id}/stream}: server-sent events {@code state} and {@code anomaly} for one twin as
 * the stream job publishes them, and {@code chat} for each message to or from the twin. Access is checked before the stream opens; a first comment line
 * ({@code : connected}) tells the client it is subscribed.
 */
public final class StreamController {
  private final LiveFeed feed;

  public StreamController(LiveFeed feed) {
    this.feed = feed;
  }

  public void stream(Context ctx) throws Exception {
    String twinId = TwinRef.of(ctx).id();
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw ApiException.badRequest("This is a server-sent event stream: send Accept: text/event-stream", "Accept");
    }
    new SseHandler(client -> open(twinId, client)).handle(ctx);
  }

  private void open(String twinId, SseClient client) {
    client.keepAlive();
    Runnable unsubscribe =
        feed.subscribe(
            twinId,
            (name, event) -> {
              if (!client.terminated()) {
                client.sendEvent(name, json(event));
              }
            });
    client.onClose(unsubscribe);
    client.sendComment("connected");
  }

  private String json(Object event) {
    return AvroJson.of((IndexedRecord) event, Json.MAPPER);
  }
}
