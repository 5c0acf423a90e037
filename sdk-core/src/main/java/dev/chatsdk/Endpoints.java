package dev.chatsdk;

import java.util.Objects;

/**
 * Base URLs of the servers that speak the chat-completion API, so that nobody assembles them by hand. Pass the result
 * to {@link ChatClient.Builder#baseUrl(String)}; the client appends {@code /chat/completions}.
 *
 * <pre>{@code
 * ChatClient hf = ChatClient.builder().baseUrl(Endpoints.huggingFace()).build();
 * ChatClient together = ChatClient.builder().baseUrl(Endpoints.huggingFace("together")).build();
 * ChatClient local = ChatClient.builder().baseUrl(Endpoints.local(8080)).build();
 * }</pre>
 */
public final class Endpoints {
  private static final String HF_ROUTER = "https://router.huggingface.co";

  private Endpoints() {
  }

  /**
   * The Hugging Face router choosing the provider itself. The request's model may carry a {@code :provider},
   * {@code :fastest} or {@code :cheapest} suffix.
   */
  public static String huggingFace() {
    return HF_ROUTER + "/v1";
  }

  /** The Hugging Face router pinned to one provider, such as {@code together}, {@code sambanova} or {@code novita}. */
  public static String huggingFace(String provider) {
    return HF_ROUTER + "/" + segment(provider, "provider") + "/v1";
  }

  /**
   * Hugging Face's own serverless inference (hf-inference) for one model. The model is part of the path, so a request
   * sent here may leave its {@code model} unset.
   */
  public static String huggingFaceInference(String model) {
    Objects.requireNonNull(model, "model == null");
    String trimmed = model.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("/") || trimmed.endsWith("/") || trimmed.contains("..")) {
      throw new IllegalArgumentException("model must be a Hub id such as \"Qwen/QwQ-32B\", got \"" + model + "\"");
    }
    return HF_ROUTER + "/hf-inference/models/" + trimmed + "/v1";
  }

  /** OpenAI's API. */
  public static String openAi() {
    return "https://api.openai.com/v1";
  }

  /** Friendli's serverless endpoints. */
  public static String friendliServerless() {
    return "https://api.friendli.ai/serverless/v1";
  }

  /** Friendli's dedicated endpoints. */
  public static String friendliDedicated() {
    return "https://api.friendli.ai/dedicated/v1";
  }

  /**
   * A server on this machine: a Friendli container, TGI, vLLM, llama.cpp or Ollama, listening on {@code port}.
   */
  public static String local(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
    return "http://localhost:" + port + "/v1";
  }

  private static String segment(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (!value.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(name + " must be a single path segment such as \"together\", got \""
          + value + "\"");
    }
    return value;
  }
}
