package ai.digitaltwin.api.chat.http;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.chat.ChatExchange;
import ai.digitaltwin.api.chat.ChatReply;
import ai.digitaltwin.api.chat.store.ChatLog;
import ai.digitaltwin.api.chat.store.Personas;
import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.api.twin.RegistryRow;
import ai.digitaltwin.api.twin.TwinRef;
import io.javalin.http.Context;

/**
 * HTTP for the chat. Sending a message is a change to the twin (its mood and traits follow the
 * conversation), so its route declares {@code WRITE}: the owner or an admin, like ingesting readings;
 * reading the history declares {@code READ}, so analysts may read conversations but not join them.
 */
public final class ChatController {
  /** Longest message, in characters (code points); a longer one is refused with 413. */
  public static final int MAX_MESSAGE_CHARS = 1000;

  private final ChatExchange exchange;
  private final Personas personas;
  private final ChatLog log;

  public ChatController(ChatExchange exchange, Personas personas, ChatLog log) {
    this.exchange = exchange;
    this.personas = personas;
    this.log = log;
  }

  /** {@code POST /twins/{id}/chat} {@code {"message": "..."}}. */
  public void chat(Context ctx) {
    long received = System.nanoTime();
    RegistryRow registry = TwinRef.of(ctx).row();
    String message = message(Json.body(ctx, ChatRequest.class));
    ChatReply reply = exchange.say(() -> personas.of(registry), Principal.of(ctx).username(), message, received);
    // from the request's arrival to the acknowledged write, as processing_ms promises
    ctx.json(ChatResponse.of(reply, (System.nanoTime() - received) / 1_000_000));
  }

  /** {@code GET /twins/{id}/chat/history?limit=&offset=}: newest first. */
  public void history(Context ctx) {
    String twinId = TwinRef.of(ctx).id();
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(log.page(twinId, limit, offset));
  }

  static String message(ChatRequest body) {
    String message = body.message();
    if (message == null) {
      throw ApiException.badRequest("message is required", "message");
    }
    if (message.isBlank()) {
      throw ApiException.badRequest("message must not be blank", "message");
    }
    int length = message.codePointCount(0, message.length());
    if (length > MAX_MESSAGE_CHARS) {
      throw new ApiException(
          413, "payload_too_large",
          "message must be at most " + MAX_MESSAGE_CHARS + " characters, got " + length, "message");
    }
    return message.strip();
  }
}
