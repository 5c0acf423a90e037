package dev.chatsdk.examples;

import dev.chatsdk.testkit.FakeChatServer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An offline, OpenAI-compatible chat-completion server for the examples: with no token and no
 * network, every example still runs to completion against it. It is the test kit's
 * {@link FakeChatServer} (loopback only, a free port unless one is given) with a responder that
 * plays a small, deterministic model.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.start()) {
 *     ChatClient client = ChatClient.builder().baseUrl(server.baseUrl()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>It serves {@code POST /v1/chat/completions} and {@code GET /v1/models} ({@link #MODELS}) and
 * answers deterministically: the same request gets the same bytes (fixed {@code created}, ids
 * derived from the request). What it answers:
 * <ul>
 *   <li>Text: a small table of canned answers (capitals and facts of France, Germany, Italy,
 *       Spain, Japan and Brazil; greetings, thanks, "who are you", a haiku, a joke, a story,
 *       counting to ten, how streaming works, the weather without a tool) and for anything else a
 *       reply that echoes the question. A user message with {@code image_url} parts gets a reply
 *       saying how many images it saw and where they came from.
 *   <li>Streaming ({@code "stream": true}): server-sent events, one chunk per word, the role in
 *       the first delta, the finish reason in a last chunk, then {@code data: [DONE]}; with
 *       {@code stream_options.include_usage} a last chunk with no choices carries the usage.
 *       Chunks are paced by {@link Builder#tokenDelay(Duration)}.
 *   <li>Tools: when the request has {@code tools} and ends with a user message, a call of the first
 *       function (or of the one {@code tool_choice} names; none with {@code "none"}), id
 *       {@code call_1}, arguments built from its parameter schema (a location-like property gets
 *       the place the question names). When the request ends with tool results, a text answer
 *       quoting them: {@code According to get_weather: <result>}.
 *   <li>Structured output: with {@code response_format} {@code json_schema}, {@code json_object} or
 *       Hugging Face's {@code {"type": "json", "value": schema}}, JSON that the schema accepts
 *       (every property present, each of its type). With {@code {"type": "regex"}} the reply is a
 *       short fixed string: the first of {@code yes}, {@code 42}, {@code Paris}, {@code 2025-01-01}
 *       that the regex matches, else {@code demo}, which may not match it.
 *   <li>{@code logprobs} and {@code top_logprobs}: per-token entries with made-up but
 *       deterministic negative logprobs and the tokens' UTF-8 bytes, in streams too.
 *   <li>{@code n}, {@code max_tokens} (a longer answer is cut and finishes with {@code "length"}),
 *       usage (prompt tokens count the words of the messages, completion tokens those of the answer).
 * </ul>
 *
 * <p>Errors are those of a real server: malformed JSON, a mistyped field or a value out of range
 * is a 400 in OpenAI's {@code {"error": {...}}} shape; an unknown path is a 404, another method a
 * 405; a model not in {@link #MODELS} is a 404 ({@code model_not_found}). The model
 * {@value #LOADING_MODEL} answers 503
 * {@code {"error": "Model demo/loading is currently loading", "estimated_time": 2.0}} as a cold
 * Hugging Face model does, unless the request has the header {@code x-wait-for-model: true}. No key
 * is needed, but a key other than {@value #API_KEY}, or an {@code Authorization} header that is not
 * {@code Bearer <token>}, is a 401.
 */
public final class DemoServer implements AutoCloseable {
    /** The model named in answers to a request that names none. */
    public static final String DEFAULT_MODEL = "chatsdk-demo";

    /** A model that is "currently loading" (503) unless the request has {@code x-wait-for-model: true}. */
    public static final String LOADING_MODEL = "demo/loading";

    /** The one key the demo server accepts (it also accepts requests without a key); any other is a 401. */
    public static final String API_KEY = "demo-key";

    /**
     * The models the demo server knows: its own two and the examples' defaults on the other servers, so that
     * pointing an example at the demo with {@code CHATSDK_BASE_URL} needs no {@code CHATSDK_MODEL}.
     */
    public static final List<String> MODELS = List.of(DEFAULT_MODEL, LOADING_MODEL,
            ExampleConfig.HUGGING_FACE_MODEL, ExampleConfig.OPENAI_MODEL, Vision.VISION_MODEL);

    private static final Duration DEFAULT_TOKEN_DELAY = Duration.ofMillis(20);

    private final FakeChatServer server;

    private DemoServer(FakeChatServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port with the default pacing of a few milliseconds a token. */
    public static DemoServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give a client, {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Stops listening and ends any stream in progress. Does nothing if already closed. */
    @Override
    public void close() {
        server.close();
    }

    /**
     * Runs the demo server until the JVM is stopped, for trying it with curl or pointing another
     * OpenAI-compatible client at it.
     *
     * @param args an optional port; by default a free one, printed on start
     */
    public static void main(String[] args) {
        DemoServer server = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        // Returning is fine: the HTTP server's own dispatcher thread keeps the JVM running.
        System.out.println("chatsdk demo server listening at " + server.baseUrl() + " (Ctrl-C to stop)");
    }

    /** Configures a {@link DemoServer}; every setting has a default, so {@code builder().start()} works. */
    public static final class Builder {
        private int port;
        private Duration tokenDelay = DEFAULT_TOKEN_DELAY;

        private Builder() {}

        /** The loopback port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The pause before each streamed chunk after the first, so a streaming example is seen to
         * stream (default 20 ms); {@link Duration#ZERO} streams at full speed, for tests.
         */
        public Builder tokenDelay(Duration tokenDelay) {
            Objects.requireNonNull(tokenDelay, "tokenDelay == null");
            if (tokenDelay.isNegative()) {
                throw new IllegalArgumentException("tokenDelay < 0: " + tokenDelay);
            }
            this.tokenDelay = tokenDelay;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @throws java.io.UncheckedIOException if the port cannot be bound
         */
        public DemoServer start() {
            Duration delay = tokenDelay;
            FakeChatServer server = FakeChatServer.start(port)
                    .models(MODELS.toArray(String[]::new))
                    .respondWithRecorded(request -> Responder.answer(request, delay));
            return new DemoServer(server);
        }
    }
}
