/**
 * The chat's optional narrator: a language model behind an OpenAI-compatible chat-completions endpoint
 * ({@code CHAT_LLM_URL}, {@code CHAT_LLM_MODEL}) says the twin's reply in its own words.
 *
 * <p>It is given only the user's question, the persona (name, age, occupation, traits in words, mood), the
 * twin's own reply and the rows of the queries behind it ({@code Prompt}, {@code chat/narrator.properties}).
 * Its text is shown only when {@code NumberGuard} finds exactly the reply's figures in it; a different
 * figure, a timeout or an error shows the twin's own reply instead, and each outcome is counted
 * ({@link ai.digitaltwin.api.chat.narrator.Narrator.Outcome}). Off by default: the chat is whole without it.
 */
package ai.digitaltwin.api.chat.narrator;
