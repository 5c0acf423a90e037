/**
 * OpenTelemetry GenAI spans and metrics for chatsdk calls: {@code dev.chatsdk.opentelemetry.ChatTelemetry} and the
 * listener it installs on a client. Reads only the core's exported API and the OpenTelemetry API; the application
 * brings the OpenTelemetry SDK.
 */
// The OpenTelemetry API ships no module descriptor, only an Automatic-Module-Name; its types are in this API.
@SuppressWarnings({"requires-transitive-automatic", "requires-automatic"})
module dev.chatsdk.opentelemetry {
  requires transitive dev.chatsdk;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports dev.chatsdk.opentelemetry;
}
