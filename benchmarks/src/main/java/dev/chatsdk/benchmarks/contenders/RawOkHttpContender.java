package dev.chatsdk.benchmarks.contenders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatsdk.benchmarks.Contender;
import dev.chatsdk.benchmarks.StreamTally;
import dev.chatsdk.benchmarks.Workload;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * OkHttp and Jackson by hand: the floor. Streaming reads lines with okio's {@code readUtf8Line} and decodes no JSON,
 * so no SDK can beat it on the same transport; a non-streaming call writes the request with Jackson and reads the
 * reply as a tree.
 */
public final class RawOkHttpContender implements Contender {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client = new OkHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private final String url;

  /** A client for the loopback server at {@code baseUrl}. */
  public RawOkHttpContender(String baseUrl) {
    this.url = baseUrl + "/v1/chat/completions";
  }

  @Override
  public String name() {
    return "raw OkHttp";
  }

  @Override
  public List<String> runtimeArtifacts() {
    return List.of("com.squareup.okhttp3:okhttp-jvm", "com.fasterxml.jackson.core:jackson-databind");
  }

  @Override
  public StreamTally stream() throws IOException {
    try (Response response = client.newCall(request(true)).execute()) {
      checkSuccessful(response);
      BufferedSource source = response.body().source();
      int chunks = 0;
      long chars = 0;
      for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
        if (!line.startsWith("data: ")) {
          continue;
        }
        if (line.equals("data: [DONE]")) {
          break;
        }
        chunks++;
        chars += line.length() - "data: ".length();
      }
      return new StreamTally(chunks, chars);
    }
  }

  @Override
  public String complete() throws IOException {
    try (Response response = client.newCall(request(false)).execute()) {
      checkSuccessful(response);
      JsonNode completion = mapper.readTree(response.body().byteStream());
      return completion.path("choices").path(0).path("message").path("content").asText();
    }
  }

  private Request request(boolean stream) throws IOException {
    ObjectNode body = mapper.createObjectNode().put("model", Workload.MODEL);
    body.putArray("messages")
        .add(mapper.createObjectNode().put("role", "system").put("content", Workload.SYSTEM_PROMPT))
        .add(mapper.createObjectNode().put("role", "user").put("content", Workload.USER_PROMPT));
    body.put("max_completion_tokens", Workload.MAX_COMPLETION_TOKENS).put("stream", stream);
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer sk-loopback")
        .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON))
        .build();
  }

  private static void checkSuccessful(Response response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code() + " " + response.message());
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
