package dev.chatsdk.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * Which key a client sends, and where it came from. A key given to the builder goes wherever the client points. A key
 * from the environment goes only to its own service, so that pointing a client at another server never hands it a
 * Hugging Face or OpenAI token: {@code HF_TOKEN} to {@code huggingface.co} and its subdomains, {@code *.hf.space}
 * and {@code *.endpoints.huggingface.cloud}; {@code OPENAI_API_KEY} to {@code api.openai.com};
 * {@code FRIENDLI_TOKEN} to {@code *.friendli.ai}; {@code CHATSDK_API_KEY}, the explicit opt-in, to any server. The
 * service's own variable wins over {@code CHATSDK_API_KEY}.
 */
public final class ApiKeys {

  /** The variables whose key goes only to their own service, in the order they are consulted. */
  private static final List<Variable> SERVICE_VARIABLES = List.of(
      new Variable("HF_TOKEN", "Hugging Face hosts", host -> host.equals("huggingface.co")
          || host.endsWith(".huggingface.co") || host.endsWith(".hf.space")
          || host.endsWith(".endpoints.huggingface.cloud")),
      new Variable("OPENAI_API_KEY", "api.openai.com", host -> host.equals("api.openai.com")),
      new Variable("FRIENDLI_TOKEN", "*.friendli.ai", host -> host.endsWith(".friendli.ai")));

  /** The variable whose key goes to any base URL. */
  public static final String ANY_HOST_VARIABLE = "CHATSDK_API_KEY";

  private record Variable(String name, String scope, Predicate<String> accepts) {
  }

  /**
   * The key to send and a description of where it came from, which a 401 quotes; never the key itself.
   *
   * @param key the key, if any is sent
   * @param source such as {@code "the HF_TOKEN environment variable"}, or why none was sent
   */
  public record Resolved(Optional<String> key, String source) {

    @Override
    public String toString() {
      return "ApiKeys.Resolved{key=" + (key.isPresent() ? HeaderRules.REDACTED : "none") + ", source=" + source + "}";
    }
  }

  private ApiKeys() {
  }

  /**
   * The key for a client of {@code baseUrl}: {@code builderKey} when given, else the environment's key for that host.
   *
   * @param builderKey the key given to the builder, or null
   * @param environment reads an environment variable; null or blank means unset
   */
  public static Resolved resolve(String builderKey, HttpUrl baseUrl, Function<String, String> environment) {
    if (builderKey != null) {
      return new Resolved(Optional.of(builderKey), "the key from ChatClient.Builder.apiKey");
    }
    String host = baseUrl.host().toLowerCase(Locale.ROOT);
    List<String> withheld = new ArrayList<>();
    for (Variable variable : SERVICE_VARIABLES) {
      String value = read(environment, variable.name());
      if (value == null) {
        continue;
      }
      if (variable.accepts().test(host)) {
        return fromVariable(variable.name(), value);
      }
      withheld.add(variable.name() + " is set but goes only to " + variable.scope());
    }
    String any = read(environment, ANY_HOST_VARIABLE);
    if (any != null) {
      return fromVariable(ANY_HOST_VARIABLE, any);
    }
    String none = "no key was sent: pass one to ChatClient.Builder.apiKey or set " + ANY_HOST_VARIABLE;
    return new Resolved(Optional.empty(), withheld.isEmpty() ? none : none + " (" + String.join("; ", withheld) + ")");
  }

  private static Resolved fromVariable(String name, String value) {
    try {
      HeaderRules.validate("Authorization", value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The " + name + " environment variable holds a key that cannot be sent: "
          + e.getMessage(), e);
    }
    return new Resolved(Optional.of(value), "the key from the " + name + " environment variable");
  }

  private static String read(Function<String, String> environment, String name) {
    String value = environment.apply(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
