package dev.chatsdk;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One execution of a tool the model called, as a tool runner reports it to {@link ChatListener#onToolStart} and
 * {@link ChatListener#onToolEnd}. Listeners may keep state with it between the two events.
 */
public final class ToolExecution {

  private final String name;
  private final String callId;
  private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();

  private ToolExecution(String name, String callId) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.callId = Objects.requireNonNull(callId, "callId == null");
  }

  /**
   * An execution of the tool {@code name} for the tool call {@code callId}.
   *
   * @param callId the {@code id} of the model's tool call ({@code ""} when it sent none)
   */
  public static ToolExecution of(String name, String callId) {
    return new ToolExecution(name, callId);
  }

  /** The tool's name, as the model called it. */
  public String name() {
    return name;
  }

  /** The tool call's {@code id}. */
  public String callId() {
    return callId;
  }

  /** Keeps {@code value} with this execution under its type, replacing what was kept under the same type. */
  public <T> void attach(Class<T> type, T value) {
    attachments.put(Objects.requireNonNull(type, "type == null"), Objects.requireNonNull(value, "value == null"));
  }

  /** What was kept under {@code type}, if anything. */
  public <T> Optional<T> attachment(Class<T> type) {
    return Optional.ofNullable(attachments.get(type)).map(type::cast);
  }

  @Override
  public String toString() {
    return "ToolExecution{name=" + name + ", callId=" + callId + "}";
  }
}
