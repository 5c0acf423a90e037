/** OpenTelemetry GenAI spans and metrics for chatsdk calls. */
package dev.chatsdk.opentelemetry;
