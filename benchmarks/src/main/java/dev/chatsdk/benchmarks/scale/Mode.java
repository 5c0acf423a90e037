package dev.chatsdk.benchmarks.scale;

/** The ways of reading many streams the harness compares, in report order (the floor first). */
enum Mode {
  RAW("raw", "raw sockets, one selector thread (floor)", false),
  RAW_BLOCKING("raw-blocking", "raw blocking sockets, a thread per stream", false),
  JDK_HTTP("jdk-http", "JDK `HttpClient`, lines counted (reference)", false),
  CHATSDK_VIRTUAL("chatsdk-vt", "chatsdk `stream()` on virtual threads", true),
  CHATSDK_ASYNC("chatsdk-async", "chatsdk `streamAsync`", false),
  OPENAI_VIRTUAL("openai-vt", "openai-java `createStreaming` on virtual threads", true),
  OPENAI_ASYNC("openai-async", "openai-java async `createStreaming`", false);

  private final String key;
  private final String label;
  private final boolean needsVirtualThreads;

  Mode(String key, String label, boolean needsVirtualThreads) {
    this.key = key;
    this.label = label;
    this.needsVirtualThreads = needsVirtualThreads;
  }

  /** The name on the command line ({@code --modes}). */
  String key() {
    return key;
  }

  /** The name in the report; the blocking floor's says which threads this JDK gives it. */
  String label() {
    if (this == RAW_BLOCKING) {
      return label + (Runtime.version().feature() >= 21 ? " (virtual)" : " (platform)");
    }
    return label;
  }

  /** True if the mode needs JDK 21+. */
  boolean needsVirtualThreads() {
    return needsVirtualThreads;
  }

  /** The mode called {@code key} on the command line. */
  static Mode byKey(String key) {
    for (Mode mode : values()) {
      if (mode.key.equals(key)) {
        return mode;
      }
    }
    StringBuilder keys = new StringBuilder();
    for (Mode mode : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(mode.key);
    }
    throw new IllegalArgumentException("no mode is named " + key + "; modes: " + keys);
  }
}
