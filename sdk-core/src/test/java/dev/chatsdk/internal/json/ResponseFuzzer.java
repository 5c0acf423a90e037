package dev.chatsdk.internal.json;

import dev.chatsdk.internal.json.FastResponseReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded random responses for the differential tests of {@link FastResponseReader}: chunk-shaped and completion-shaped
 * JSON whose fields are mostly of their usual type and sometimes of any other, with unknown and oddly named keys, escapes, non-ASCII text,
 * repeated keys and random whitespace; and text mutations (characters inserted, deleted, replaced) of any payload.
 */
final class ResponseFuzzer {

  private static final String[] CHUNK_KEYS = {
    "id", "object", "created", "model", "choices", "usage", "system_fingerprint", "service_tier",
  };
  private static final String[] CHOICE_KEYS = {"index", "delta", "finish_reason", "logprobs"};
  private static final String[] COMPLETION_CHOICE_KEYS = {"index", "message", "finish_reason", "logprobs"};
  private static final String[] MESSAGE_KEYS = {
    "role", "content", "reasoning_content", "reasoning", "refusal", "name", "tool_calls", "annotations", "audio",
    "function_call",
  };
  private static final String[] DELTA_KEYS = {
    "role", "content", "reasoning_content", "reasoning", "refusal", "tool_calls", "function_call",
  };
  private static final String[] USAGE_KEYS = {
    "prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details", "completion_tokens_details",
  };
  private static final String[] PROMPT_DETAILS_KEYS = {"cached_tokens", "audio_tokens"};
  private static final String[] COMPLETION_DETAILS_KEYS = {
    "reasoning_tokens", "audio_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens",
  };
  /** Keys no record types, some named like a Java accessor or differing from a typed key only in case or space. */
  private static final String[] ODD_KEYS = {
    "x_groq", "stop_reason", "token_id", "error", "error_type", "message", "text", "Id", "CONTENT", "toolCalls",
    "reasoningContent", "finishReason", "systemFingerprint", "é", "a b", "content ",
  };
  /** Keys that make the fast reader decline: escaped, named like the extra map, or typed at another level. */
  private static final String[] WILD_KEYS = {
    "extra", "", "a\\\"b", "a\\u0062", "created\\n", "index", "delta", "choices",
  };
  private static final String[] TEXTS = {
    "", "a", "Hel", " Rivers", "chatcmpl-1", "gpt-4o-mini", "assistant", "stop", "null", "true", "0", "{", "[DONE]",
  };
  private static final String[] STRING_PIECES = {
    "a", "Z", " ", "lo", "-", "/", "°", "é", "中文", "🙂", "\\n", "\\r", "\\t", "\\b", "\\f", "\\/", "\\\\", "\\\"",
    "\\u00e9", "\\u00E9", "\\u0000", "\\u001f", "\\ud83d\\ude42", "\\ud83d", "\\ude42", "\\uFFFF", "\u007f", "\u2028",
  };
  private static final String[] INTEGERS = {
    "0", "1", "-1", "7", "42", "1744114468", "2147483647", "-2147483648", "2147483648", "999999999999999999",
  };
  private static final String[] NUMBERS = {
    "0", "1", "-1", "-0", "7", "42", "1744114468", "2147483647", "2147483648", "-2147483648", "-2147483649",
    "9223372036854775807", "999999999999999999", "1000000000000000000", "-999999999999999999", "1.0", "1.5", "-0.0",
    "1e3", "1E+2", "2.5e-3", "1744114468.123", "01", "00", "-", "1.", ".5", "+1", "0x10", "NaN", "Infinity",
  };
  /** The first content string; group 1 is its text between the quotes. */
  private static final Pattern CONTENT_STRING = Pattern.compile("\"content\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final String[] WHITESPACE = {"", "", "", " ", "  ", "\n", "\n  ", "\t", "\r\n"};
  private static final String[] MUTATIONS = {
    "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "0", "9", "-", ".", "e", "n", "null", "true", "false",
    "\\u00e9", "\\n", "\\\"", "é", "\u0001", "\ud83d", "\"x\":1,", "\"id\":\"y\",", "{}", "[]", "\"\"",
  };

  private final Random random;
  /** Whether the response being written may hold values of any type, repeated keys and invalid numbers. */
  private boolean wild;
  /** Whether the response being written is a completion, whose choices hold a message rather than a delta. */
  private boolean completion;

  ResponseFuzzer(long seed) {
    this.random = new Random(seed);
  }

  /** A random chunk-shaped JSON text: one in three wild, the others well formed with usual types. */
  String chunk() {
    wild = random.nextInt(3) == 0;
    completion = false;
    return object(CHUNK_KEYS, 0);
  }

  /** A random completion-shaped JSON text: one in three wild, the others well formed with usual types. */
  String completion() {
    wild = random.nextInt(3) == 0;
    completion = true;
    return object(CHUNK_KEYS, 0);
  }

  /** {@code text} with one to three random insertions, deletions or replacements. */
  String mutate(String text) {
    StringBuilder mutated = new StringBuilder(text);
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      int at = random.nextInt(mutated.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> mutated.insert(at, pick(MUTATIONS));
        case 1 -> {
          if (at < mutated.length()) {
            mutated.deleteCharAt(at);
          }
        }
        default -> mutated.replace(at, Math.min(mutated.length(), at + 1 + random.nextInt(4)), pick(MUTATIONS));
      }
    }
    return mutated.toString();
  }

  /**
   * {@code chunk} with other text inside its first {@code "content": "..."} string: plain or escaped text, or a quote,
   * backslash or control character that breaks it. A chunk without such a string is mutated instead.
   */
  String withOtherContent(String chunk) {
    Matcher content = CONTENT_STRING.matcher(chunk);
    if (!content.find()) {
      return mutate(chunk);
    }
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      text.append(random.nextInt(4) == 0 ? pick(MUTATIONS) : pick(STRING_PIECES));
    }
    return chunk.substring(0, content.start(1)) + text + chunk.substring(content.end(1));
  }

  /** An object with a random selection of {@code keys} in random order, plus unknown keys now and then. */
  private String object(String[] keys, int depth) {
    List<String> members = new ArrayList<>();
    for (String key : keys) {
      if (random.nextInt(4) != 0) {
        members.add(member(key, depth));
      }
    }
    while (random.nextInt(4) == 0) {
      members.add(oddMember(depth));
    }
    if (wild && !members.isEmpty() && random.nextInt(8) == 0) {
      members.add(members.get(random.nextInt(members.size())));
    }
    Collections.shuffle(members, random);
    return space() + "{" + space() + String.join("," + space(), members) + space() + "}" + space();
  }

  private String member(String key, int depth) {
    return member(key, wild && random.nextInt(8) == 0 ? anyValue(depth + 1) : usualValue(key, depth + 1));
  }

  /** A key no record of this level types, its value a scalar unless the chunk is wild. */
  private String oddMember(int depth) {
    if (wild) {
      return member(pick(random.nextBoolean() ? ODD_KEYS : WILD_KEYS), anyValue(depth + 1));
    }
    return member(pick(ODD_KEYS), scalar());
  }

  private String member(String key, String value) {
    return "\"" + key + "\"" + space() + ":" + space() + value;
  }

  /** A value of the type servers send for {@code key}, null now and then. */
  private String usualValue(String key, int depth) {
    if (random.nextInt(8) == 0 || depth > 4) {
      return "null";
    }
    return switch (key) {
      case "created", "index", "prompt_tokens", "completion_tokens", "total_tokens", "cached_tokens", "audio_tokens",
          "reasoning_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens" ->
          pick(wild ? NUMBERS : INTEGERS);
      case "choices" -> array(() -> object(completion ? COMPLETION_CHOICE_KEYS : CHOICE_KEYS, depth), 3);
      case "delta" -> object(DELTA_KEYS, depth);
      case "message" -> object(MESSAGE_KEYS, depth);
      case "usage" -> object(USAGE_KEYS, depth);
      case "prompt_tokens_details" -> object(PROMPT_DETAILS_KEYS, depth);
      case "completion_tokens_details" -> object(COMPLETION_DETAILS_KEYS, depth);
      case "tool_calls", "annotations" -> wild && random.nextBoolean() ? anyValue(depth) : emptyOrNull();
      case "logprobs", "function_call", "audio" -> wild && random.nextBoolean() ? anyValue(depth) : "null";
      default -> string();
    };
  }

  /** An empty array, as servers send for no tool calls or annotations, or null. */
  private String emptyOrNull() {
    return random.nextBoolean() ? "[" + space() + "]" : "null";
  }

  /** Any JSON value, or something near one. */
  private String anyValue(int depth) {
    return switch (random.nextInt(depth > 3 ? 5 : 7)) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> pick(NUMBERS);
      case 3, 4 -> string();
      case 5 -> array(() -> anyValue(depth + 1), 3);
      default -> "{" + space() + some(() -> member(pick(ODD_KEYS), anyValue(depth + 1)), 3) + space() + "}";
    };
  }

  /** A string, integer, boolean or null. */
  private String scalar() {
    return switch (random.nextInt(4)) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> pick(INTEGERS);
      default -> string();
    };
  }

  private String array(Supplier<String> element, int max) {
    return "[" + space() + some(element, max) + space() + "]";
  }

  /** Up to {@code max} values of {@code element}, separated by commas. */
  private String some(Supplier<String> element, int max) {
    List<String> elements = new ArrayList<>();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      elements.add(element.get());
    }
    return String.join("," + space(), elements);
  }

  /** A JSON string: a usual text, or pieces with escapes and characters from beyond ASCII. */
  private String string() {
    if (random.nextBoolean()) {
      return "\"" + pick(TEXTS) + "\"";
    }
    StringBuilder text = new StringBuilder("\"");
    for (int i = random.nextInt(6); i > 0; i--) {
      text.append(pick(STRING_PIECES));
    }
    return text.append('"').toString();
  }

  private String space() {
    return pick(WHITESPACE);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
