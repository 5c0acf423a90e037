package dev.chatsdk.testkit;

import dev.chatsdk.ChatJson;
import dev.chatsdk.model.TokenLogprob;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a completion reply as the JSON text real servers send: one {@code chat.completion}, or the data of each
 * event of a stream. Everything the reply does not fix (id, created, model) comes from the exchange.
 *
 * @param id the completion's id, the same on every chunk
 * @param created epoch seconds
 * @param model the model echoed back
 * @param includeUsage whether the stream ends with a usage chunk
 * @param promptLength the length of the request's messages as JSON, the stand-in for the prompt's token count
 */
record CompletionBodies(FakeReply reply, String id, long created, String model, boolean includeUsage,
    int promptLength) {

  /** The {@code chat.completion} body. */
  String completion() {
    StringBuilder json = header("chat.completion").append(",\"choices\":[");
    for (int index = 0; index < reply.choices; index++) {
      json.append(index == 0 ? "" : ",").append("{\"index\":").append(index).append(",\"message\":")
          .append(message()).append(",\"logprobs\":").append(logprobs(reply.logprobs))
          .append(",\"finish_reason\":").append(JsonText.quote(reply.finishReasonOrDefault())).append('}');
    }
    return json.append("],\"usage\":").append(usage()).append('}').toString();
  }

  /**
   * The data of each chunk event, in order, without the closing {@code [DONE]}: per position one chunk per choice,
   * then a chunk with only the finish reason, then (when asked for) the usage chunk with no choices.
   */
  List<String> chunks() {
    List<String> deltas = deltas();
    List<String> chunks = new ArrayList<>();
    int textChunk = 0;
    int firstText = firstTextDelta();
    for (int position = 0; position < deltas.size(); position++) {
      List<TokenLogprob> entries = position >= firstText && position < firstText + textPieces().size()
          ? logprobsOfChunk(textChunk++, textPieces().size())
          : null;
      for (int index = 0; index < reply.choices; index++) {
        chunks.add(chunk(index, deltas.get(position), logprobs(entries), null));
      }
    }
    for (int index = 0; index < reply.choices; index++) {
      chunks.add(chunk(index, "{}", "null", reply.finishReasonOrDefault()));
    }
    if (includeUsage) {
      chunks.add(header("chat.completion.chunk").append(",\"choices\":[],\"usage\":").append(usage()).append('}')
          .toString());
    }
    return chunks;
  }

  private String chunk(int index, String delta, String logprobs, String finishReason) {
    StringBuilder json = header("chat.completion.chunk").append(",\"choices\":[{\"index\":").append(index)
        .append(",\"delta\":").append(delta).append(",\"logprobs\":").append(logprobs)
        .append(",\"finish_reason\":").append(JsonText.quote(finishReason)).append("}]");
    if (includeUsage) {
      // OpenAI's documented shape: "usage": null on every chunk but the last.
      json.append(",\"usage\":null");
    }
    return json.append('}').toString();
  }

  private StringBuilder header(String object) {
    StringBuilder json = new StringBuilder(256).append("{\"id\":").append(JsonText.quote(id))
        .append(",\"object\":").append(JsonText.quote(object)).append(",\"created\":").append(created)
        .append(",\"model\":").append(JsonText.quote(model));
    if (reply.systemFingerprint != null) {
      json.append(",\"system_fingerprint\":").append(JsonText.quote(reply.systemFingerprint));
    }
    return json;
  }

  private String message() {
    StringBuilder json = new StringBuilder("{\"role\":\"assistant\",\"content\":").append(JsonText.quote(reply.text));
    if (reply.reasoning != null) {
      json.append(",\"reasoning_content\":").append(JsonText.quote(reply.reasoning));
    }
    if (!reply.toolCalls.isEmpty()) {
      json.append(",\"tool_calls\":[");
      for (int i = 0; i < reply.toolCalls.size(); i++) {
        FakeReply.ToolCallSpec call = reply.toolCalls.get(i);
        json.append(i == 0 ? "" : ",").append("{\"id\":").append(JsonText.quote(call.id()))
            .append(",\"type\":\"function\",\"function\":{\"name\":").append(JsonText.quote(call.name()))
            .append(",\"arguments\":").append(JsonText.quote(call.arguments())).append("}}");
      }
      json.append(']');
    }
    return json.append('}').toString();
  }

  /** One choice's deltas without the finishing one: reasoning, text, then each tool call; the role on the first. */
  private List<String> deltas() {
    List<String> deltas = new ArrayList<>();
    for (String piece : split(reply.reasoning)) {
      deltas.add("\"reasoning_content\":" + JsonText.quote(piece));
    }
    for (String piece : textPieces()) {
      deltas.add("\"content\":" + JsonText.quote(piece));
    }
    for (int i = 0; i < reply.toolCalls.size(); i++) {
      FakeReply.ToolCallSpec call = reply.toolCalls.get(i);
      deltas.add("\"tool_calls\":[{\"index\":" + i + ",\"id\":" + JsonText.quote(call.id())
          + ",\"type\":\"function\",\"function\":{\"name\":" + JsonText.quote(call.name()) + ",\"arguments\":\"\"}}]");
      for (String piece : split(call.arguments())) {
        deltas.add("\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":" + JsonText.quote(piece)
            + "}}]");
      }
    }
    if (deltas.isEmpty()) {
      deltas.add("\"content\":\"\"");
    }
    List<String> objects = new ArrayList<>(deltas.size());
    for (int i = 0; i < deltas.size(); i++) {
      String role = "";
      if (i == 0) {
        boolean toolCallsOnly = reply.text == null && reply.reasoning == null;
        role = toolCallsOnly ? "\"role\":\"assistant\",\"content\":null," : "\"role\":\"assistant\",";
      }
      objects.add("{" + role + deltas.get(i) + "}");
    }
    return objects;
  }

  private int firstTextDelta() {
    return split(reply.reasoning).size();
  }

  private List<String> textPieces() {
    if (reply.pieces != null) {
      return reply.pieces;
    }
    return split(reply.text);
  }

  /** {@code text} in pieces of {@code chunkSize} code points, never splitting a surrogate pair. */
  private List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    if (text == null) {
      return pieces;
    }
    int start = 0;
    while (start < text.length()) {
      int end = text.offsetByCodePoints(start, Math.min(reply.chunkSize, text.codePointCount(start, text.length())));
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  private List<TokenLogprob> logprobsOfChunk(int chunk, int textChunks) {
    if (reply.logprobs == null || chunk >= reply.logprobs.size()) {
      return null;
    }
    return chunk == textChunks - 1 ? reply.logprobs.subList(chunk, reply.logprobs.size()) : List.of(
        reply.logprobs.get(chunk));
  }

  private static String logprobs(List<TokenLogprob> entries) {
    if (entries == null) {
      return "null";
    }
    StringBuilder json = new StringBuilder("{\"content\":[");
    for (int i = 0; i < entries.size(); i++) {
      json.append(i == 0 ? "" : ",").append(ChatJson.toJson(entries.get(i)));
    }
    return json.append("],\"refusal\":null}").toString();
  }

  private String usage() {
    long prompt;
    long completion;
    if (reply.usage != null) {
      prompt = reply.usage[0];
      completion = reply.usage[1];
    } else {
      prompt = (promptLength + 3) / 4;
      long pieces = split(reply.reasoning).size() + textPieces().size();
      for (FakeReply.ToolCallSpec call : reply.toolCalls) {
        pieces += split(call.arguments()).size();
      }
      completion = pieces * reply.choices;
    }
    return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
        + (prompt + completion) + "}";
  }
}
