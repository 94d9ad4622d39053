package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;

/** One fixture database and one chat service for all chat tests: the model loads once per test JVM. */
final class SharedChat {
  private static TwinFixture fixture;
  private static ChatService service;

  private SharedChat() {}

  static synchronized TwinFixture fixture() {
    if (fixture == null) {
      fixture = TwinFixture.create();
    }
    return fixture;
  }

  static synchronized ChatService service() {
    if (service == null) {
      service = ChatService.create(fixture().runner());
    }
    return service;
  }

  static TwinPersona ada(BigFive traits) {
    return new TwinPersona(TwinFixture.TWIN, "Ada", 34, "nurse", traits, "content", 0.1, java.time.ZoneOffset.UTC);
  }
}
