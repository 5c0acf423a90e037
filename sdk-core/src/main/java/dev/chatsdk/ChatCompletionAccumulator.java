package dev.chatsdk;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds the chunks of a stream into the {@link ChatCompletion} a call without streaming would have returned.
 *
 * <pre>{@code
 * ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
 * try (ChatCompletionStream stream = client.stream(request)) {
 *   for (ChatCompletionChunk chunk : stream) {
 *     accumulator.accept(chunk);
 *     // ... show the chunk ...
 *   }
 * }
 * ChatCompletion completion = accumulator.result();
 * }</pre>
 *
 * <p>How the chunks add up:
 *
 * <ul>
 *   <li>{@code id}, {@code model}, {@code created}, {@code system_fingerprint} and {@code service_tier}: from the
 *       first chunk that has them; {@code usage}: from the last chunk that has it.
 *   <li>One choice per index, in index order, whatever order the chunks of several choices ({@code n}) interleave in.
 *       Per choice: the content, refusal and reasoning are the delta pieces joined (absent if no delta had them);
 *       the finish reason is the last one sent; the log-probability entries are appended.
 *   <li>Tool calls are assembled by their index, in index order: id, type and function name from their first
 *       non-empty appearance (servers that resend the name on every chunk do not get it repeated), the argument pieces
 *       joined. A fragment that brings a new id and a function name to an index that already has a call with another
 *       id starts a new call: servers that send whole calls without an index put them all at position 0.
 * </ul>
 *
 * <p>Nothing is required of a chunk: fields a server omits stay absent ({@code ""} or 0 for the id, model and
 * creation time). The reasoning of the returned messages is not sent back if a message is reused in a request, as
 * for a completion returned whole. {@link #result()} may be called at any time, and again: each call returns a
 * snapshot of the chunks accepted so far.
 *
 * <p>Not thread-safe: accept the chunks from one thread, or synchronize.
 */
public final class ChatCompletionAccumulator implements Consumer<ChatCompletionChunk> {

  private String id = "";
  private String model = "";
  private long created;
  private Optional<String> systemFingerprint = Optional.empty();
  private Optional<String> serviceTier = Optional.empty();
  private Optional<Usage> usage = Optional.empty();
  private final SortedMap<Integer, ChoiceAccumulator> choices = new TreeMap<>();

  /** Creates an accumulator that has seen no chunk; its {@link #result()} is a completion without choices. */
  public ChatCompletionAccumulator() {
  }

  /** Adds a chunk to the completion. */
  @Override
  public void accept(ChatCompletionChunk chunk) {
    Objects.requireNonNull(chunk, "chunk == null");
    if (id.isEmpty()) {
      id = chunk.id();
    }
    if (model.isEmpty()) {
      model = chunk.model();
    }
    if (created == 0) {
      created = chunk.created();
    }
    systemFingerprint = firstNonEmpty(systemFingerprint, chunk.systemFingerprint());
    serviceTier = firstNonEmpty(serviceTier, chunk.serviceTier());
    if (chunk.usage().isPresent()) {
      usage = chunk.usage();
    }
    for (ChunkChoice choice : chunk.choices()) {
      choices.computeIfAbsent(choice.index(), ChoiceAccumulator::new).accept(choice);
    }
  }

  /** Returns the completion the chunks accepted so far add up to. */
  public ChatCompletion result() {
    List<Choice> result = new ArrayList<>(choices.size());
    for (ChoiceAccumulator choice : choices.values()) {
      result.add(choice.result());
    }
    return new ChatCompletion(
        id, ChatCompletion.OBJECT, created, model, result, usage, systemFingerprint, serviceTier, Map.of());
  }

  /** The value seen first, except that an empty string (Novita's fingerprint) gives way to a later real one. */
  private static Optional<String> firstNonEmpty(Optional<String> current, Optional<String> next) {
    return current.isEmpty() || current.get().isEmpty() && next.isPresent() ? next : current;
  }
}
