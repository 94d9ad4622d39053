package ai.digitaltwin.api.chat;

import org.junit.jupiter.api.Test;

class ReplyProbe {
  @Test
  void probe() throws Exception {
    ChatService chat = SharedChat.service();
    StringBuilder sb = new StringBuilder();
    BigFive warm = new BigFive(0.7, 0.8, 0.85, 0.8, 0.75);
    BigFive cold = new BigFive(0.3, 0.2, 0.15, 0.2, 0.2);
    String[] qs = {"How's your heart rate?", "What is your blood pressure right now?", "What was your heart rate yesterday?", "What was your pulse at 3 pm yesterday?",
      "How did you sleep last night?", "How did you sleep this week?", "How many steps did you take yesterday?", "What are you doing right now?", "What were you doing at 10 am?",
      "Compare your heart rate this week vs last week", "How has your temperature changed over the last 3 days?", "Any alerts?", "How are you feeling?", "How were you feeling yesterday?",
      "What's your personality?", "Hi!", "What's your job?", "Help", "What's the capital of France?", "What was your oxygen in March?", "Are you walking more than last week?"};
    for (String q : qs) {
      for (BigFive t : new BigFive[] {warm, cold}) {
        ChatReply r = chat.reply(SharedChat.ada(t), q, TwinFixture.T0);
        sb.append(q).append(" [").append(r.intent()).append(" ").append(r.confidence()).append(" ").append(r.sentiment()).append("]\n  ").append(r.reply()).append('\n');
      }
      ChatReply r = chat.reply(SharedChat.ada(warm), q, TwinFixture.T0);
      for (ChatReply.Evidence e : r.evidence()) sb.append("  SQL ").append(e.sql().replace('\n', ' ')).append(" ").append(e.params()).append(" -> ").append(e.rows()).append('\n');
    }
    ChatReply r = chat.reply(new TwinPersona(TwinFixture.EMPTY, "Eve", 51, "architect", BigFive.neutral(), null, 0, null), "How's your heart rate?", TwinFixture.T0);
    sb.append("EMPTY: ").append(r.reply()).append('\n');
    r = chat.reply(new TwinPersona(TwinFixture.EMPTY, "Eve", 51, "architect", BigFive.neutral(), null, 0, null), "What's your personality?", TwinFixture.T0);
    sb.append("EMPTY: ").append(r.reply()).append('\n');
    java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/replies.txt"), sb);
  }
}
