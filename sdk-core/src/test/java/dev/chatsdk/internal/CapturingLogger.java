package dev.chatsdk.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps every line it is given at or above a level. */
final class CapturingLogger implements System.Logger {

  final List<String> lines = new CopyOnWriteArrayList<>();
  private final Level threshold;

  CapturingLogger(Level threshold) {
    this.threshold = threshold;
  }

  @Override
  public String getName() {
    return "capturing";
  }

  @Override
  public boolean isLoggable(Level level) {
    return level.getSeverity() >= threshold.getSeverity();
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    if (isLoggable(level)) {
      lines.add(level + " " + message + (thrown == null ? "" : " " + thrown));
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      lines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
    }
  }
}
