package dev.chatsdk.model;

/**
 * The {@code finish_reason} values the specifications name. Finish reasons stay strings, because servers add their
 * own ({@code eos_token} from TGI, {@code abort}, {@code error}...): compare with these constants.
 */
public final class FinishReason {
  /** A natural stop point or a stop sequence. */
  public static final String STOP = "stop";
  /** The token limit was reached. */
  public static final String LENGTH = "length";
  /** The model called tools. */
  public static final String TOOL_CALLS = "tool_calls";
  /** Content was omitted by a content filter. */
  public static final String CONTENT_FILTER = "content_filter";
  /** The model called a function (deprecated functions API). */
  public static final String FUNCTION_CALL = "function_call";
  /** TGI: the model produced its end-of-sequence token. */
  public static final String EOS_TOKEN = "eos_token";

  private FinishReason() {
  }
}
