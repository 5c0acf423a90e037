package dev.chatsdk;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Model ids that tell the Hugging Face router ({@link Endpoints#huggingFace()}) where to run a model, so that nobody
 * concatenates suffixes by hand. The router reads a suffix after the model's Hub id: a provider's name runs the
 * model there, and a policy lets the router choose.
 *
 * <pre>{@code
 * .model(HuggingFaceRouter.onProvider("meta-llama/Llama-3.1-8B-Instruct", "together"))  // "...:together"
 * .model(HuggingFaceRouter.fastest("meta-llama/Llama-3.1-8B-Instruct"))                // "...:fastest"
 * }</pre>
 *
 * <p>Without a suffix the router uses the {@linkplain #PREFERRED preferred} policy, the order of providers set in
 * the account's Inference Providers settings. Every method refuses a blank model, a model that already carries a
 * suffix, and a provider that is not one path-safe name, with an {@link IllegalArgumentException} naming the value.
 */
public final class HuggingFaceRouter {

  /** The policy that picks the provider with the highest throughput for the model. */
  public static final String FASTEST = "fastest";
  /** The policy that picks the provider with the lowest price per output token for the model. */
  public static final String CHEAPEST = "cheapest";
  /** The policy that follows the provider order of the account's settings (the router's default). */
  public static final String PREFERRED = "preferred";

  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private HuggingFaceRouter() {
  }

  /** {@code model:provider}: the model on one provider, such as {@code "together"} or {@code "fireworks-ai"}. */
  public static String onProvider(String model, String provider) {
    Objects.requireNonNull(provider, "provider == null");
    String name = provider.strip();
    if (!PROVIDER.matcher(name).matches()) {
      throw new IllegalArgumentException("provider must be a provider's name in lower case, such as \"together\" or "
          + "\"fireworks-ai\", got \"" + provider + "\"");
    }
    return suffixed(model, name);
  }

  /** {@code model:fastest}: the router picks the provider with the highest throughput. */
  public static String fastest(String model) {
    return suffixed(model, FASTEST);
  }

  /** {@code model:cheapest}: the router picks the provider with the lowest output price. */
  public static String cheapest(String model) {
    return suffixed(model, CHEAPEST);
  }

  /** {@code model:preferred}: the router follows the provider order of the account's settings. */
  public static String preferred(String model) {
    return suffixed(model, PREFERRED);
  }

  private static String suffixed(String model, String suffix) {
    Objects.requireNonNull(model, "model == null");
    String id = model.strip();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("model is blank: pass a Hub id such as \"meta-llama/Llama-3.1-8B-Instruct\"");
    }
    if (id.contains(":")) {
      // Hub ids never contain ':', so one here is a suffix already: a second would be sent as part of the name.
      throw new IllegalArgumentException("model \"" + model + "\" already names a provider or policy after ':'; "
          + "pass the Hub id alone");
    }
    return id + ":" + suffix;
  }
}
