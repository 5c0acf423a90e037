package dev.chatsdk.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The one conversation every contender has with the loopback server: the request it sends and the OpenAI-shaped
 * bodies the server answers with. Chunks copy the shape OpenAI streams (id, object, created, model, one choice with a
 * one-token delta, logprobs and finish_reason written as null): about 230 bytes of JSON each.
 */
public final class Workload {
  /** The model every request names. */
  public static final String MODEL = "gpt-4o-mini";
  /** The system message every request sends. */
  public static final String SYSTEM_PROMPT = "You are a concise assistant.";
  /** The user message every request sends. */
  public static final String USER_PROMPT = "Write a short paragraph about rivers.";
  /** The max_completion_tokens every request sends. */
  public static final int MAX_COMPLETION_TOKENS = 1024;
  /** The assistant content of the non-streaming completion; contenders must return exactly this. */
  public static final String COMPLETION_CONTENT =
      "Rivers carve valleys, carry sediment to the sea and give cities water, power and a reason to exist.";

  private static final String[] TOKENS = {
    " Rivers", " carve", " valleys", ",", " carry", " sediment", " to", " the", " sea", " and", " give", " cities",
    " water", ",", " power", " and", " a", " reason", " to", " exist", "."
  };

  private Workload() {}

  /** Middle chunks repeat with this period: chunk {@code i} and chunk {@code i + tokenCycle()} carry the same token. */
  static int tokenCycle() {
    return TOKENS.length;
  }

  /**
   * The data payload of chunk {@code index} of a stream of {@code total} chunks: the first carries the role, the last
   * only the finish reason, every other one a single token of content.
   */
  public static String chunkJson(int index, int total) {
    String delta;
    String finishReason = "null";
    if (index == 0) {
      delta = "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}";
    } else if (index == total - 1) {
      delta = "{}";
      finishReason = "\"stop\"";
    } else {
      delta = "{\"content\":\"" + TOKENS[index % TOKENS.length] + "\"}";
    }
    return "{\"id\":\"chatcmpl-BKaU4ZL9ypPA6Fbj1bC0qCe1NdFl2\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1744114468,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":" + delta
        + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}";
  }

  /** A typical mid-stream chunk payload (one token of content), as the micro-benchmarks decode it. */
  public static String typicalChunkJson() {
    return chunkJson(5, 100);
  }

  /** The SSE body of a stream of {@code total} chunks: one {@code data:} event per chunk, then {@code [DONE]}. */
  public static String sseBody(int total) {
    StringBuilder body = new StringBuilder(total * 256);
    for (int i = 0; i < total; i++) {
      body.append("data: ").append(chunkJson(i, total)).append("\n\n");
    }
    return body.append("data: [DONE]\n\n").toString();
  }

  /** The non-streaming chat.completion body, pretty-printed as OpenAI sends it. */
  public static byte[] completionJson() {
    String json = """
        {
          "id": "chatcmpl-BKaU4ZL9ypPA6Fbj1bC0qCe1NdFl2",
          "object": "chat.completion",
          "created": 1744114468,
          "model": "gpt-4o-mini-2024-07-18",
          "choices": [
            {
              "index": 0,
              "message": {
                "role": "assistant",
                "content": "%s",
                "refusal": null,
                "annotations": []
              },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 24,
            "completion_tokens": 21,
            "total_tokens": 45,
            "prompt_tokens_details": {
              "cached_tokens": 0,
              "audio_tokens": 0
            },
            "completion_tokens_details": {
              "reasoning_tokens": 0,
              "audio_tokens": 0,
              "accepted_prediction_tokens": 0,
              "rejected_prediction_tokens": 0
            }
          },
          "service_tier": "default",
          "system_fingerprint": "fp_b376dfbbd5"
        }
        """.formatted(COMPLETION_CONTENT);
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
