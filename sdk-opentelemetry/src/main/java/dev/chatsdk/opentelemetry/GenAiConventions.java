package dev.chatsdk.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The names this module emits, pinned to the GenAI semantic conventions of
 * <a href="https://github.com/open-telemetry/semantic-conventions/tree/v1.41.0/docs/gen-ai">semantic-conventions
 * v1.41.0</a> ({@code gen-ai-spans.md}, {@code gen-ai-metrics.md} and the {@code gen-ai} attribute registry). Those
 * conventions are marked Development and still change between releases, so every name lives here and nowhere else:
 * moving to a newer release is a change to this one class.
 *
 * <p>Spans: one {@code CLIENT} span per logical call, named {@code chat {gen_ai.request.model}}; one
 * {@code INTERNAL} span per tool execution, named {@code execute_tool {gen_ai.tool.name}}. Metrics:
 * {@link #OPERATION_DURATION}, {@link #TOKEN_USAGE}, and for streams {@link #TIME_TO_FIRST_CHUNK} and
 * {@link #TIME_PER_OUTPUT_CHUNK}, each with the bucket boundaries the conventions advise.
 *
 * <p>One deviation, for speed: {@link #TIME_PER_OUTPUT_CHUNK} is recorded once per stream that reaches its end (the
 * mean time of its chunks after the first) rather than once per chunk, unless
 * {@link ChatTelemetry.Builder#recordEveryChunk(boolean)} asks for the conventions' per-chunk values.
 *
 * <p>Names of this SDK's own, outside the conventions (which define no retry event): the span event
 * {@value #RETRY_EVENT} with {@link #ERROR_TYPE}, {@link #RETRY_ATTEMPT} and {@link #RETRY_DELAY}.
 */
final class GenAiConventions {

  /** The schema the names below come from. */
  static final String SCHEMA_URL = "https://opentelemetry.io/schemas/1.41.0";

  static final String OPERATION_CHAT = "chat";
  static final String OPERATION_EXECUTE_TOOL = "execute_tool";
  static final String TOKEN_TYPE_INPUT = "input";
  static final String TOKEN_TYPE_OUTPUT = "output";

  // Provider names: the registry's well-known values, and ours for the services it does not list.
  static final String PROVIDER_OPENAI = "openai";
  static final String PROVIDER_HUGGINGFACE = "huggingface";
  static final String PROVIDER_FRIENDLI = "friendli";
  static final String PROVIDER_AZURE_OPENAI = "azure.ai.openai";
  static final String PROVIDER_DEEPSEEK = "deepseek";
  static final String PROVIDER_GEMINI = "gcp.gemini";
  static final String PROVIDER_GROQ = "groq";
  static final String PROVIDER_MISTRAL = "mistral_ai";
  static final String PROVIDER_PERPLEXITY = "perplexity";
  static final String PROVIDER_XAI = "x_ai";

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
  /** A double in the conventions, though every server takes an integer. */
  static final AttributeKey<Double> REQUEST_TOP_K = AttributeKey.doubleKey("gen_ai.request.top_k");
  static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
  static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
      AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
  static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.frequency_penalty");
  static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.presence_penalty");
  /** Set only when the request asks for a count other than 1, as the conventions require. */
  static final AttributeKey<Long> REQUEST_CHOICE_COUNT = AttributeKey.longKey("gen_ai.request.choice.count");
  /** Set, to true, only on streaming calls. */
  static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  /** Seconds, on the span of a stream that delivered a chunk. */
  static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  /** From {@code usage.prompt_tokens_details.cached_tokens}. */
  static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
  /** From {@code usage.completion_tokens_details.reasoning_tokens}. */
  static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
  static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  /** Opt-in content: a JSON string following the conventions' input messages schema. */
  static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
  /** Opt-in content: a JSON string following the conventions' output messages schema. */
  static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  /** The status code of an {@code ApiException} ({@code "429"}), else the exception's class name. */
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
  static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";

  /** The advised boundaries of the three duration histograms, in seconds. */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  /** The advised boundaries of {@link #TOKEN_USAGE}. */
  static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L,
      1048576L, 4194304L, 16777216L, 67108864L);

  static final String RETRY_EVENT = "chatsdk.retry";
  /** The number of the attempt about to be made: 2 for the first retry. */
  static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("chatsdk.retry.attempt");
  /** The wait before it, in seconds. */
  static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("chatsdk.retry.delay");

  private GenAiConventions() {
  }
}
