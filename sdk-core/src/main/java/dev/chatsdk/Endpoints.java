package dev.chatsdk;

import java.util.Objects;

/**
 * Base URLs of the servers that speak the chat-completion API, so that nobody assembles them by hand. Pass the result
 * to {@link ChatClient.Builder#baseUrl(String)}; the client appends {@code /chat/completions}.
 *
 * <p>Besides the Hugging Face router, each inference provider of Hugging Face's list that speaks the OpenAI protocol
 * for chat has its own base URL here, for a key issued by that provider itself ({@link #groq()},
 * {@link #together()}, ...). The same providers are reached with a Hugging Face token through
 * {@link #huggingFace(String)} or a {@link HuggingFaceRouter} model suffix. Providers of that list that serve no
 * OpenAI-compatible chat (fal, Replicate, Black Forest Labs, WaveSpeed) have none.
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

  // Each provider's own OpenAI-compatible API, for a key issued by that provider. Source of every URL below: the
  // host and chat route that Hugging Face's own JavaScript client calls for the provider (huggingface.js,
  // packages/inference/src/providers/<provider>.ts), with "/chat/completions" taken off the route.

  /** Cerebras ({@code api.cerebras.ai}, route {@code /v1/chat/completions} in huggingface.js {@code cerebras.ts}). */
  public static String cerebras() {
    return "https://api.cerebras.ai/v1";
  }

  /**
   * Cohere's OpenAI compatibility API ({@code api.cohere.com}, route {@code /compatibility/v1/chat/completions} in
   * huggingface.js {@code cohere.ts}). Cohere's native API ({@code /v2/chat}) is a different protocol.
   */
  public static String cohere() {
    return "https://api.cohere.com/compatibility/v1";
  }

  /**
   * DeepInfra's OpenAI namespace ({@code api.deepinfra.com}, route {@code v1/openai/chat/completions} in huggingface.js
   * {@code deepinfra.ts}).
   */
  public static String deepInfra() {
    return "https://api.deepinfra.com/v1/openai";
  }

  /**
   * Featherless ({@code api.featherless.ai}, route {@code v1/chat/completions} in huggingface.js {@code
   * featherless-ai.ts}).
   */
  public static String featherless() {
    return "https://api.featherless.ai/v1";
  }

  /**
   * Fireworks ({@code api.fireworks.ai/inference}, route {@code /v1/chat/completions} in huggingface.js {@code
   * fireworks-ai.ts}).
   */
  public static String fireworks() {
    return "https://api.fireworks.ai/inference/v1";
  }

  /** Groq ({@code api.groq.com}, route {@code /openai/v1/chat/completions} in huggingface.js {@code groq.ts}). */
  public static String groq() {
    return "https://api.groq.com/openai/v1";
  }

  /**
   * Hyperbolic ({@code api.hyperbolic.xyz}, route {@code v1/chat/completions} in huggingface.js {@code hyperbolic.ts}).
   */
  public static String hyperbolic() {
    return "https://api.hyperbolic.xyz/v1";
  }

  /**
   * Nebius AI Studio ({@code api.studio.nebius.ai}, route {@code /v1/chat/completions} in huggingface.js
   * {@code nebius.ts}). Not checked against Nebius's current documentation, which may name a newer host for the
   * same API; pass that to {@link ChatClient.Builder#baseUrl(String)} if it does.
   */
  public static String nebius() {
    return "https://api.studio.nebius.ai/v1";
  }

  /**
   * Novita's OpenAI-compatible API ({@code api.novita.ai/v3/openai}, route {@code /chat/completions} in huggingface.js
   * {@code novita.ts}). Not checked against Novita's current documentation, which may name a shorter path.
   */
  public static String novita() {
    return "https://api.novita.ai/v3/openai";
  }

  /**
   * Nscale ({@code inference.api.nscale.com}, route {@code v1/chat/completions} in huggingface.js {@code nscale.ts}).
   */
  public static String nscale() {
    return "https://inference.api.nscale.com/v1";
  }

  /**
   * OVHcloud AI Endpoints ({@code oai.endpoints.kepler.ai.cloud.ovh.net}, route {@code v1/chat/completions} in
   * huggingface.js {@code ovhcloud.ts}).
   */
  public static String ovhCloud() {
    return "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1";
  }

  /** Public AI ({@code api.publicai.co}, route {@code v1/chat/completions} in huggingface.js {@code publicai.ts}). */
  public static String publicAi() {
    return "https://api.publicai.co/v1";
  }

  /** SambaNova ({@code api.sambanova.ai}, route {@code v1/chat/completions} in huggingface.js {@code sambanova.ts}). */
  public static String sambaNova() {
    return "https://api.sambanova.ai/v1";
  }

  /**
   * Scaleway Generative APIs ({@code api.scaleway.ai}, route {@code v1/chat/completions} in huggingface.js
   * {@code scaleway.ts}): the default project's endpoint.
   */
  public static String scaleway() {
    return "https://api.scaleway.ai/v1";
  }

  /**
   * Together AI ({@code api.together.xyz}, route {@code v1/chat/completions} in huggingface.js {@code together.ts}).
   */
  public static String together() {
    return "https://api.together.xyz/v1";
  }

  /** Z.ai ({@code api.z.ai}, route {@code /api/paas/v4/chat/completions} in huggingface.js {@code zai-org.ts}). */
  public static String zai() {
    return "https://api.z.ai/api/paas/v4";
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
