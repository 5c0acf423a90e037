package dev.chatsdk.opentelemetry;

import java.util.Locale;

/**
 * Names the provider behind a host for {@code gen_ai.provider.name}. The conventions' registry lists well-known values
 * and says one that applies must be used; Hugging Face and Friendli are not listed, so they get their own lower-case
 * names. Any other host speaks OpenAI's protocol to this SDK, so it is {@code openai} (the value the conventions give
 * for services reached through the OpenAI API), unless the user names it with
 * {@link ChatTelemetry.Builder#providerName(String)}.
 */
final class Providers {

  private Providers() {
  }

  static String byHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (within(h, "huggingface.co") || h.endsWith(".hf.space") || h.endsWith(".endpoints.huggingface.cloud")) {
      return GenAiConventions.PROVIDER_HUGGINGFACE;
    }
    if (within(h, "friendli.ai")) {
      return GenAiConventions.PROVIDER_FRIENDLI;
    }
    if (h.endsWith(".openai.azure.com")) {
      return GenAiConventions.PROVIDER_AZURE_OPENAI;
    }
    if (within(h, "deepseek.com")) {
      return GenAiConventions.PROVIDER_DEEPSEEK;
    }
    if (h.equals("generativelanguage.googleapis.com")) {
      return GenAiConventions.PROVIDER_GEMINI;
    }
    if (within(h, "groq.com")) {
      return GenAiConventions.PROVIDER_GROQ;
    }
    if (within(h, "mistral.ai")) {
      return GenAiConventions.PROVIDER_MISTRAL;
    }
    if (within(h, "perplexity.ai")) {
      return GenAiConventions.PROVIDER_PERPLEXITY;
    }
    if (within(h, "x.ai")) {
      return GenAiConventions.PROVIDER_XAI;
    }
    return GenAiConventions.PROVIDER_OPENAI;
  }

  /** {@code domain} itself or one of its subdomains. */
  private static boolean within(String host, String domain) {
    return host.equals(domain) || host.endsWith("." + domain);
  }
}
