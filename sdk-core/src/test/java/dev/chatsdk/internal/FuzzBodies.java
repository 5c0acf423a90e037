package dev.chatsdk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random and mutated chat-stream bodies: well-formed chunks, chunks with values of the wrong kind, data that is JSON
 * of the wrong shape or no JSON at all, truncated chunks, garbage bytes, stray CRs, huge lines, error events and
 * {@code [DONE]} in odd places, and then, sometimes, bytes flipped, inserted, deleted or repeated. Also whole
 * completions, for the non-streaming path.
 */
final class FuzzBodies {

  /** Chunk data as servers send it. */
  static final List<String> CHUNKS = List.of(
      """
      {"id":"c1","object":"chat.completion.chunk","created":1,"model":"acme/tiny","choices":[{"index":0,\
      "delta":{"role":"assistant","content":"Hel"}}]}""",
      """
      {"choices":[{"index":0,"delta":{"content":"lo °’🙂"},"finish_reason":null}]}""",
      """
      {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",\
      "function":{"name":"get_weather","arguments":"{\\"city\\":"}}]}}]}""",
      """
      {"choices":[{"delta":{"tool_calls":{"id":7,"function":{"name":"f","arguments":{"x":1}}}}}]}""",
      """
      {"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}""",
      """
      {"created":1.5,"choices":[{"index":1,"delta":{"reasoning_content":"hmm"},"logprobs":{"content":[\
      {"token":"a","logprob":-0.1,"bytes":[97],"top_logprobs":[{"token":"b","logprob":-2}]}]}}]}""",
      """
      {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"eos_token"}],\
      "x_vendor":{"nested":[1,2.5,{"x":null}]}}""",
      """
      {"choices":[{"index":0,"delta":{"content":[{"type":"text","text":"part"}],"reasoning":"r"}}]}""");

  /** Data that is JSON, but not of a chunk's shape, or an error the server reports. */
  static final List<String> ODD_DATA = List.of(
      "null", "[]", "\"text\"", "42", "true", "{}", "{\"choices\":{}}", "{\"choices\":\"x\"}",
      "{\"choices\":[null]}", "{\"choices\":[1]}", "{\"choices\":[{\"index\":\"a\"}]}",
      "{\"choices\":[{\"index\":99999999999}]}", "{\"choices\":[{\"index\":-1,\"delta\":null}]}",
      "{\"choices\":[{\"index\":1.5,\"delta\":{}}]}", "{\"choices\":[{\"delta\":{\"tool_calls\":5}}]}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":[null]}}]}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":-3}]}}]}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":\"f\"}]}}]}",
      "{\"choices\":[{\"delta\":{\"content\":{\"a\":1}}}]}", "{\"choices\":[{\"delta\":{\"role\":7}}]}",
      "{\"choices\":[{\"finish_reason\":{}}]}", "{\"choices\":[{\"logprobs\":{\"content\":null}}]}",
      "{\"choices\":[{\"logprobs\":{\"content\":[null]}}]}", "{\"choices\":[{\"logprobs\":[]}]}",
      "{\"created\":\"yesterday\"}", "{\"created\":1e400}", "{\"created\":-1}", "{\"usage\":[]}",
      "{\"usage\":{\"total_tokens\":-5.5}}", "{\"usage\":{\"prompt_tokens\":1e30}}", "{\"id\":123,\"model\":false}",
      "{\"choices\":[],\"choices\":5}", "{\"error\":null}", "{\"error\":\"boom\",\"error_type\":\"overloaded\"}",
      "{\"error\":{\"message\":null}}", "{\"error\":{}}", "{\"error\":[1]}", "{\"error\":{\"message\":{\"a\":[]}}}",
      "{\"object\":\"error\"}", "{\"object\":\"error\",\"message\":{\"a\":1}}", "{\"object\":5}", "\"\\ud800\"",
      "{\"choices\":[{\"delta\":{\"content\":\"\\ud83d\"}}]}", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "{'a':1}",
      "[".repeat(3000), "{\"a\":".repeat(2000) + "1", "{\"choices\":[" + "[".repeat(1500) + "]}");

  /** A chunk with a slot for every value; {@link #structured} fills a few slots with values of the wrong kind. */
  private static final String CHUNK_TEMPLATE = """
      {"id":%s,"object":%s,"created":%s,"model":%s,"choices":[{"index":%s,"delta":{"role":%s,"content":%s,\
      "reasoning_content":%s,"tool_calls":[{"index":%s,"id":%s,"type":%s,"function":{"name":%s,"arguments":%s}}]},\
      "logprobs":%s,"finish_reason":%s}],"usage":%s,"system_fingerprint":%s}""";

  private static final String[] CHUNK_VALUES = {
    "\"c1\"", "\"chat.completion.chunk\"", "1", "\"acme/tiny\"", "0", "\"assistant\"", "\"Hi\"", "\"hmm\"", "0",
    "\"call_1\"", "\"function\"", "\"get\"", "\"{}\"", "null", "null", "null", "\"fp\""};

  /** A whole completion with a slot for every value. */
  private static final String COMPLETION_TEMPLATE = """
      {"id":%s,"object":%s,"created":%s,"model":%s,"choices":[{"index":%s,"message":{"role":%s,"content":%s,\
      "reasoning_content":%s,"tool_calls":[{"id":%s,"type":%s,"function":{"name":%s,"arguments":%s}}]},\
      "logprobs":{"content":[{"token":%s,"logprob":%s,"bytes":%s,"top_logprobs":%s}]},"finish_reason":%s}],\
      "usage":{"prompt_tokens":%s,"completion_tokens":%s,"total_tokens":%s},"system_fingerprint":%s}""";

  private static final String[] COMPLETION_VALUES = {
    "\"cmpl-1\"", "\"chat.completion\"", "1700000000", "\"acme/tiny\"", "0", "\"assistant\"", "\"Paris.\"",
    "\"hmm\"", "\"call_1\"", "\"function\"", "\"get\"", "{\"city\":\"Paris\"}", "\"P\"", "-0.1", "[80]", "[]",
    "\"stop\"", "12", "2", "14", "\"fp\""};

  /** Values of every kind, for slots that expect another. */
  private static final String[] ODD_VALUES = {
    "null", "[]", "{}", "\"s\"", "\"\"", "1.5", "-1", "1e400", "true", "[null]", "{\"a\":null}",
    "99999999999999999999", "\"\\ud800\"", "[1,[2]]", "{\"type\":\"text\",\"text\":\"x\"}",
    "[{\"type\":\"text\",\"text\":\"x\"}]"};

  private FuzzBodies() {
  }

  /** Completion bodies: a few template slots with values of the wrong kind, or mutated, cut or odd JSON. */
  static byte[] nextCompletion(Random random) {
    String completion = structured(random, COMPLETION_TEMPLATE, COMPLETION_VALUES);
    switch (random.nextInt(6)) {
      case 0:
        return utf8(pick(random, ODD_DATA));
      case 1:
        return utf8(completion.substring(0, random.nextInt(completion.length())));
      case 2:
        return mutate(utf8(completion), random);
      default:
        return utf8(completion);
    }
  }

  /** The template with its default values, one to three of them replaced with values of another kind. */
  private static String structured(Random random, String template, String[] defaults) {
    Object[] values = defaults.clone();
    int replaced = 1 + random.nextInt(3);
    for (int i = 0; i < replaced; i++) {
      values[random.nextInt(values.length)] = pick(random, ODD_VALUES);
    }
    return template.formatted(values);
  }

  /** A body of random segments, mutated one time in three. */
  static byte[] next(Random random) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int segments = random.nextInt(12);
    for (int i = 0; i < segments; i++) {
      body.writeBytes(segment(random));
    }
    byte[] bytes = body.toByteArray();
    return random.nextInt(3) == 0 ? mutate(bytes, random) : bytes;
  }

  private static byte[] segment(Random random) {
    switch (random.nextInt(20)) {
      case 0:
        return garbage(random);
      case 1:
        return utf8(random.nextBoolean() ? "\r" : "\n");
      case 2:
        return utf8(pick(random, ": keep-alive\n", ":\r\n", "id: 7\n", "retry: 10\n", "retry: x\r", "\uFEFF",
            "event: ping\n", "data\n\n", "data:\n\n", "data: \r\n\r\n", "field-without-colon\n"));
      case 3:
        return utf8(pick(random, "data: [DONE]\n\n", "data:[DONE]\r\n\r\n", "data: [DONE]x\n\n", "data: [DON\n\n",
            "event: [DONE]\ndata: 1\n\n", "data: [DONE]\n", "data:  [DONE]\n\n", "data: [done]\n\n"));
      case 4:
        return utf8(pick(random, "event: error\n", "event:error\r\n", "event: error\ndata: overloaded\n\n",
            "event: error\ndata: {\"error\":\"Input validation error\"}\n\n", "event: error\ndata:\n\n",
            "event: error\ndata: {\"message\":\"boom\"}\n\n", "event: error\ndata: \"quoted\"\n\n"));
      case 5:
        return event(random, pick(random, ODD_DATA));
      case 6: {
        String chunk = pick(random, CHUNKS);
        return event(random, chunk.substring(0, random.nextInt(chunk.length())));
      }
      case 7:
        if (random.nextInt(10) == 0) {
          return random.nextBoolean()
              ? utf8("data: " + "a".repeat(100_000 + random.nextInt(100_000)) + "\n\n")
              : event(random, "{\"choices\":[{\"delta\":{\"content\":\"" + "x".repeat(200_000) + "\"}}]}");
        }
        return event(random, pick(random, CHUNKS));
      case 8: {
        // Two data lines: joined with "\n", which JSON accepts as whitespace.
        String chunk = pick(random, CHUNKS);
        int cut = random.nextInt(chunk.length());
        return utf8("data: " + chunk.substring(0, cut) + "\ndata:" + chunk.substring(cut) + "\n\n");
      }
      case 9:
      case 10:
        return event(random, structured(random, CHUNK_TEMPLATE, CHUNK_VALUES));
      default:
        return event(random, pick(random, CHUNKS));
    }
  }

  /** One event carrying {@code data}, framed with LF, CRLF or CR, with or without the space after the colon. */
  private static byte[] event(Random random, String data) {
    String end = pick(random, "\n", "\n", "\r\n", "\r");
    String colon = random.nextBoolean() ? "data: " : "data:";
    return utf8(colon + data + end + end);
  }

  private static byte[] garbage(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(64)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A few random byte edits: a flip, an insertion, a deleted range, a repeated range, a stray CR. */
  static byte[] mutate(byte[] input, Random random) {
    byte[] bytes = input;
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
      switch (random.nextInt(5)) {
        case 0:
          bytes = bytes.clone();
          bytes[at] ^= (byte) (1 << random.nextInt(8));
          continue;
        case 1:
          out.write(bytes, 0, at);
          out.write(random.nextInt(256));
          out.write(bytes, at, bytes.length - at);
          break;
        case 2: {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(32));
          out.write(bytes, 0, at);
          out.write(bytes, end, bytes.length - end);
          break;
        }
        case 3: {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
          out.write(bytes, 0, end);
          out.write(bytes, at, bytes.length - at);
          break;
        }
        default:
          out.write(bytes, 0, at);
          out.write('\r');
          out.write(bytes, at, bytes.length - at);
      }
      bytes = out.toByteArray();
    }
    return bytes;
  }

  /** A printable excerpt of a body, for failure messages. */
  static String describe(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 2_000; i++) {
      char c = text.charAt(i);
      out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r"
          : c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return body.length + " bytes: " + out;
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
