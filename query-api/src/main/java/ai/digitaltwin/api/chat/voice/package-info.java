/**
 * The chat's wording: who speaks ({@link ai.digitaltwin.api.chat.voice.TwinPersona}, its
 * {@link ai.digitaltwin.api.chat.voice.BigFive} traits and mood) and in which words.
 *
 * <p>{@code Phrases} holds the sentences the answerers state their facts in ({@code chat/facts.properties},
 * variants as {@code key.2}, {@code key.3}); {@code Format} writes figures exactly as the rows hold them.
 * {@code Voice} says an {@link ai.digitaltwin.api.chat.voice.Answer} in the twin's voice from
 * {@code chat/voice.tsv} and {@code chat/hostile-words.txt}: extraversion picks the opener and exclamation,
 * neuroticism the appraisal, conscientiousness how much detail is said, agreeableness whether the twin asks
 * back; the mood is said when it is worth saying, and a negative message is answered in kind. The figures
 * pass through unchanged. {@code Recent} is what a twin said lately, so that it varies.
 *
 * <p>Depends only on the understanding (the question, the user's tone); the answerers depend on this
 * package for their words.
 */
package ai.digitaltwin.api.chat.voice;
