package dev.chatsdk.benchmarks.jmh;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatJson;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ModelInfo;
import dev.chatsdk.model.ToolMessage;
import dev.chatsdk.tools.Structured;
import dev.chatsdk.tools.ToolBox;
import dev.chatsdk.tools.ToolRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * chatsdk-tools after warm-up: validating a 1 KB structured reply against its schema and binding it to a record, and
 * the tool loop's own work per run, beyond HTTP (a client that answers from memory: the loop rebuilds the request,
 * validates and binds the arguments, runs the tool, writes its result and keeps the transcript).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ToolsBenchmark {

  /** A day of a trip: what a model is asked to plan. */
  public record Stop(String city, int days, List<String> sights, Optional<String> hotel, double budget) {}

  /** The structured reply: about 1 KB of JSON. */
  public record Itinerary(String traveller, String season, List<Stop> stops, Optional<String> notes) {}

  /** The tool's arguments. */
  public record WeatherQuery(String location, String unit) {}

  private String reply;
  private ToolRunner runner;
  private ChatCompletionRequest request;

  @Setup
  public void setUp() {
    StringBuilder stops = new StringBuilder();
    String[] cities = {"Lisbon", "Porto", "Madrid", "Seville", "Granada", "Valencia", "Barcelona"};
    for (int i = 0; i < cities.length; i++) {
      stops.append(i == 0 ? "" : ",").append("{\"city\":\"").append(cities[i]).append("\",\"days\":").append(i + 1)
          .append(",\"sights\":[\"the old town\",\"the cathedral\",\"the market\"],\"hotel\":")
          .append(i % 2 == 0 ? "\"Hotel Central\"" : "null").append(",\"budget\":").append(120.5 + i).append('}');
    }
    reply = "{\"traveller\":\"Ana Lima\",\"season\":\"spring\",\"stops\":[" + stops
        + "],\"notes\":\"Trains between every city; book the Alhambra early.\"}";
    if (Math.abs(reply.getBytes(StandardCharsets.UTF_8).length - 1024) > 128) {
      throw new IllegalStateException("the reply should be about 1 KB, is " + reply.length() + " bytes");
    }
    ToolBox tools = ToolBox.builder()
        .add("get_weather", "Get the current weather in a city", WeatherQuery.class,
            query -> "18 degrees and sunny in " + query.location())
        .build();
    runner = ToolRunner.builder().client(new MemoryClient()).tools(tools).build();
    request = ChatCompletionRequest.builder()
        .model("m")
        .addMessage(Message.user("What is the weather in Paris?"))
        .build();
  }

  /** Validates the 1 KB reply against Itinerary's schema and binds it. */
  @Benchmark
  public Itinerary validateAndBind1KbReply() {
    return Structured.parse(reply, Itinerary.class);
  }

  /** A whole run of two model calls: one that calls the tool, one that answers. */
  @Benchmark
  public String toolRunOfTwoIterations() {
    return runner.run(request).text();
  }

  /** Answers from memory: a tool call while the conversation ends with the user, else a text. */
  static final class MemoryClient implements ChatClient {
    private static final ChatCompletion TOOL_CALL = ChatJson.fromJson("""
        {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":\
        "assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather",\
        "arguments":"{\\"location\\":\\"Paris\\",\\"unit\\":\\"celsius\\"}"}}]},"finish_reason":"tool_calls"}]}""",
        ChatCompletion.class);
    private static final ChatCompletion ANSWER = ChatJson.fromJson("""
        {"id":"c2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":\
        "assistant","content":"It is sunny in Paris."},"finish_reason":"stop"}]}""", ChatCompletion.class);

    @Override
    public ChatCompletion complete(ChatCompletionRequest request, RequestOptions options) {
      List<Message> messages = new ArrayList<>(request.messages());
      return messages.get(messages.size() - 1) instanceof ToolMessage ? ANSWER : TOOL_CALL;
    }

    @Override
    public CompletableFuture<ChatCompletion> completeAsync(ChatCompletionRequest request, RequestOptions options) {
      return CompletableFuture.completedFuture(complete(request, options));
    }

    @Override
    public ChatCompletionStream stream(ChatCompletionRequest request, RequestOptions options) {
      throw new UnsupportedOperationException("not measured");
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> streamAsync(ChatCompletionRequest request, RequestOptions options) {
      throw new UnsupportedOperationException("not measured");
    }

    @Override
    public List<ModelInfo> listModels(RequestOptions options) {
      throw new UnsupportedOperationException("not measured");
    }

    @Override
    public CompletableFuture<List<ModelInfo>> listModelsAsync(RequestOptions options) {
      throw new UnsupportedOperationException("not measured");
    }

    @Override
    public void close() {
    }
  }
}
