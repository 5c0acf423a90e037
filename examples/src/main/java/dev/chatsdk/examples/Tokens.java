package dev.chatsdk.examples;

import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.model.TopLogprob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo server's tokenizer and its made-up but deterministic log probabilities. Text splits into
 * words that carry their leading whitespace (" capital"), as BPE tokens do; tool-call arguments
 * split into runs of word and non-word characters ({@code {"}, {@code location}, {@code ":"}), the
 * way OpenAI streams them. Joining the tokens always gives back the text exactly.
 */
final class Tokens {
    // Trailing whitespace at the very end joins the last word, so nothing is lost.
    private static final Pattern WORD = Pattern.compile("\\s*\\S+(?:\\s+\\z)?");
    private static final Pattern FRAGMENT = Pattern.compile("[\\p{L}\\p{N}_]+|[^\\p{L}\\p{N}_]+");
    private static final Pattern WHITESPACE_WORD = Pattern.compile("\\S+");

    // top_logprobs is at most 20, so 20 alternatives leave 19 even when one is the chosen token.
    private static final List<String> ALTERNATIVES = List.of(
            " the", " a", ",", ".", " and", " of", " to", " is", " in", " it",
            "\n", " that", " for", " on", " with", " as", " at", " by", " this", " an");

    private Tokens() {}

    /** The words of a text answer; never empty, so every reply streams at least one chunk. */
    static List<String> words(String text) {
        List<String> words = split(WORD, text);
        return words.isEmpty() ? List.of(text) : words;
    }

    static List<String> fragments(String arguments) {
        List<String> fragments = split(FRAGMENT, arguments);
        return fragments.isEmpty() ? List.of(arguments) : fragments;
    }

    /** The number of whitespace-separated words: the demo's stand-in for counting prompt tokens. */
    static int count(String text) {
        return split(WHITESPACE_WORD, text).size();
    }

    /**
     * A {@code logprobs.content[]} entry: the token with its logprob and UTF-8 bytes, and
     * {@code top} alternatives (the token itself first) whose probabilities, with the token's,
     * add up to less than one, as real ones do.
     */
    static TokenLogprob logprob(String token, int top) {
        // String.hashCode is specified by the JLS, so the same token scores the same everywhere.
        double chosen = -(50 + Math.floorMod(token.hashCode(), 450)) / 1000.0;
        List<TopLogprob> alternatives = new ArrayList<>();
        if (top > 0) {
            alternatives.add(new TopLogprob(token, rounded(chosen), bytes(token), Map.of()));
        }
        // The k-th alternative takes half of what the (k-1)-th left of the remaining probability.
        double rest = StrictMath.log(1 - StrictMath.exp(chosen));
        for (String alternative : ALTERNATIVES) {
            if (alternatives.size() >= top) {
                break;
            }
            if (!alternative.equals(token)) {
                double logprob = rest - alternatives.size() * StrictMath.log(2);
                alternatives.add(new TopLogprob(alternative, rounded(logprob), bytes(alternative), Map.of()));
            }
        }
        return new TokenLogprob(token, rounded(chosen), bytes(token), alternatives, Map.of());
    }

    private static double rounded(double logprob) {
        return Math.round(logprob * 10_000) / 10_000.0;
    }

    private static List<Integer> bytes(String token) {
        List<Integer> bytes = new ArrayList<>();
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return bytes;
    }

    private static List<String> split(Pattern pattern, String text) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            parts.add(matcher.group());
        }
        return parts;
    }
}
