package ai.digitaltwin.api.chat.http;

/** Body of {@code POST /twins/{id}/chat}: what the user says to the twin. */
public record ChatRequest(String message) {}
