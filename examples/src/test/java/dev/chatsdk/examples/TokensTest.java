package dev.chatsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.model.TopLogprob;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void wordsCarryTheirLeadingWhitespaceAndJoinBackExactly() {
        String text = "Tokens drift like snow,\neach chunk  a petal.";

        List<String> words = Tokens.words(text);

        assertThat(words).containsExactly("Tokens", " drift", " like", " snow,", "\neach", " chunk", "  a", " petal.");
        assertThat(String.join("", words)).isEqualTo(text);
    }

    @Test
    void surroundingWhitespaceIsKept() {
        assertThat(Tokens.words("  hi there \n")).containsExactly("  hi", " there \n");
    }

    @Test
    void anEmptyTextIsOneEmptyToken() {
        assertThat(Tokens.words("")).containsExactly("");
    }

    @Test
    void argumentsSplitIntoWordAndPunctuationRuns() {
        assertThat(Tokens.fragments("{\"location\":\"San Francisco, CA\"}"))
                .containsExactly("{\"", "location", "\":\"", "San", " ", "Francisco", ", ", "CA", "\"}");
        assertThat(Tokens.fragments("")).containsExactly("");
    }

    @Test
    void countCountsWhitespaceSeparatedWords() {
        assertThat(Tokens.count(" What is  the capital?\n")).isEqualTo(4);
        assertThat(Tokens.count("")).isZero();
    }

    @Test
    void aLogprobEntryHasTheTokenItsUtf8BytesAndANegativeLogprob() {
        TokenLogprob entry = Tokens.logprob(" Brasília", 0);

        assertThat(entry.token()).isEqualTo(" Brasília");
        assertThat(entry.bytes()).containsExactly(32, 66, 114, 97, 115, 195, 173, 108, 105, 97);
        assertThat(entry.logprob()).isBetween(-0.5, -0.05);
        assertThat(entry.topLogprobs()).isEmpty();
    }

    @Test
    void theSameTokenAlwaysScoresTheSame() {
        assertThat(Tokens.logprob(" Paris", 5)).isEqualTo(Tokens.logprob(" Paris", 5));
        assertThat(Tokens.logprob(" Paris", 0).logprob()).isNotEqualTo(Tokens.logprob(" Rome", 0).logprob());
    }

    @Test
    void topLogprobsStartWithTheTokenThenFallAndStayUnderOneInAll() {
        List<TopLogprob> top = Tokens.logprob(" the", 20).topLogprobs();

        assertThat(top).hasSize(20);
        List<String> tokens = top.stream().map(TopLogprob::token).toList();
        List<Double> logprobs = top.stream().map(TopLogprob::logprob).toList();
        assertThat(tokens.get(0)).isEqualTo(" the");
        assertThat(tokens).doesNotHaveDuplicates();
        assertThat(logprobs).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(logprobs.stream().mapToDouble(Math::exp).sum()).isLessThan(1.0);
    }
}
