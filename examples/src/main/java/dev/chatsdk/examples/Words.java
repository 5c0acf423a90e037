package dev.chatsdk.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A question seen as words, for the demo's keyword matching: case-insensitive, punctuation ignored. */
final class Words {
    private final String text;
    private final String lower;
    private final Set<String> words;

    Words(String text) {
        this.text = text;
        this.lower = text.toLowerCase(Locale.ROOT);
        this.words = Arrays.stream(lower.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    String text() {
        return text;
    }

    /** Whether the text has this word, or this phrase when it is more than one word ("who are you", "server-sent"). */
    boolean contains(String wordOrPhrase) {
        String key = wordOrPhrase.toLowerCase(Locale.ROOT);
        return key.codePoints().allMatch(Character::isLetterOrDigit) ? words.contains(key) : lower.contains(key);
    }

    boolean containsAny(List<String> keys) {
        return keys.stream().anyMatch(this::contains);
    }

    boolean isBlank() {
        return words.isEmpty();
    }
}
