package dev.chatsdk.internal.json;

import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Delta;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The chunks of a stream usually differ only in the text of their content. This is the last chunk read in full whose
 * one choice had a plain content string (no escapes), with its data and where that string was in it. Data that is the
 * same text with another plain string in place of the content holds the same JSON tokens but that one string, so it
 * reads as the same chunk with that content: two comparisons (vectorized) and a short scan instead of a parse.
 */
final class ChunkTemplate {
  private char[] text = new char[0];
  private int length;
  private int contentStart;
  private int contentEnd;
  private ChatCompletionChunk chunk;

  /**
   * Returns the chunk that {@code text[0]} to {@code text[length - 1]} holds if it is this template's data with another
   * plain string as its content, or null.
   */
  ChatCompletionChunk read(char[] text, int length) {
    int end = length - (this.length - contentEnd);
    if (chunk == null || end < contentStart
        || !Arrays.equals(text, 0, contentStart, this.text, 0, contentStart)
        || !Arrays.equals(text, end, length, this.text, contentEnd, this.length)) {
      return null;
    }
    for (int i = contentStart; i < end; i++) {
      char c = text[i];
      if (c == '"' || c == '\\' || c < 0x20) {
        return null;
      }
    }
    return withContent(chunk, new String(text, contentStart, end - contentStart));
  }

  /**
   * Makes {@code chunk}, read from {@code text[0]} to {@code text[length - 1]}, the template. Its one choice's content
   * is the plain string from {@code contentStart} to {@code contentEnd}, quotes excluded.
   */
  void remember(char[] text, int length, int contentStart, int contentEnd, ChatCompletionChunk chunk) {
    if (this.text.length < length) {
      this.text = new char[length];
    }
    System.arraycopy(text, 0, this.text, 0, length);
    this.length = length;
    this.contentStart = contentStart;
    this.contentEnd = contentEnd;
    this.chunk = chunk;
  }

  private static ChatCompletionChunk withContent(ChatCompletionChunk chunk, String content) {
    ChunkChoice choice = chunk.choices().get(0);
    Delta delta = choice.delta();
    Delta withContent = new Delta(delta.role(), Optional.of(content), delta.reasoningContent(), delta.refusal(),
        delta.toolCalls(), delta.functionCall(), delta.extra());
    return new ChatCompletionChunk(chunk.id(), chunk.object(), chunk.created(), chunk.model(),
        List.of(new ChunkChoice(choice.index(), withContent, choice.finishReason(), choice.logprobs(), choice.extra())),
        chunk.usage(), chunk.systemFingerprint(), chunk.serviceTier(), chunk.extra());
  }
}
