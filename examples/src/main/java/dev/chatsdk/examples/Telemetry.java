package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.StreamOptions;
import dev.chatsdk.opentelemetry.ChatTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingMetricExporter;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Telemetry: a streamed call traced and measured with OpenTelemetry, on the GenAI semantic conventions. The
 * OpenTelemetry SDK's logging exporters print the call's {@code chat} span (model, token counts, finish reason, time to
 * first chunk) and the metrics {@code gen_ai.client.operation.duration}, {@code gen_ai.client.token.usage},
 * {@code gen_ai.client.operation.time_to_first_chunk} and {@code gen_ai.client.operation.time_per_output_chunk}.
 * In an application, replace them with an OTLP exporter; the {@code traceparent} header already carries the trace to
 * any server that traces.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Telemetry
 * </pre>
 */
public final class Telemetry {
    private Telemetry() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.clientBuilder(), config.model(), System.out);
        }
    }

    static void run(ChatClient.Builder clientBuilder, String model, PrintStream out) {
        // The logging exporters write through java.util.logging; show their lines on `out`.
        Logger exporters = Logger.getLogger("io.opentelemetry.exporter.logging");
        Handler printer = new PrintHandler(out);
        exporters.addHandler(printer);
        exporters.setUseParentHandlers(false);
        try (OpenTelemetrySdk openTelemetry = consoleSdk()) {
            ChatTelemetry telemetry = ChatTelemetry.create(openTelemetry);
            ChatClient client = clientBuilder.listener(telemetry.listener()).build();
            try (client) {
                streamAStory(client, model, out);
            }
            // Closing the SDK (at the end of this block) exports the metrics gathered so far.
        } finally {
            exporters.removeHandler(printer);
            exporters.setUseParentHandlers(true);
        }
    }

    /** An SDK that logs every span as it ends, and the metrics when it is closed. */
    private static OpenTelemetrySdk consoleSdk() {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .registerMetricReader(PeriodicMetricReader.create(LoggingMetricExporter.create()))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    private static void streamAStory(ChatClient client, String model, PrintStream out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Tell me a very short story."))
                .streamOptions(StreamOptions.includeUsage(true))
                .maxTokens(300)
                .build();
        try (ChatCompletionStream stream = client.stream(request)) {
            for (ChatCompletionChunk chunk : stream) {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(out::print));
            }
        }
        out.println();
    }

    /** Prints each log record's message on its own line. */
    private static final class PrintHandler extends Handler {
        private final PrintStream out;
        private final SimpleFormatter formatter = new SimpleFormatter();

        PrintHandler(PrintStream out) {
            this.out = out;
        }

        @Override
        public void publish(LogRecord record) {
            out.println(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
