package dev.chatsdk.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A reply cut into the tokens that are streamed and counted, with the finish reason it ends on.
 * A text reply longer than {@code max_tokens} is cut there and finishes with {@code "length"},
 * as a real model's would (a cut JSON answer is then invalid JSON, as it would be there too).
 */
record Generation(Reply reply, List<String> tokens, String finishReason) {

    static Generation of(Reply reply, OptionalInt maxTokens) {
        if (reply instanceof Reply.ToolCalls toolCalls) {
            List<String> fragments = new ArrayList<>();
            toolCalls.calls().forEach(call -> fragments.addAll(Tokens.fragments(call.arguments())));
            return new Generation(reply, fragments, "tool_calls");
        }
        List<String> words = Tokens.words(((Reply.Text) reply).content());
        if (maxTokens.isPresent() && words.size() > maxTokens.getAsInt()) {
            return new Generation(reply, words.subList(0, maxTokens.getAsInt()), "length");
        }
        return new Generation(reply, words, "stop");
    }

    /** The text the tokens spell: the content of a text reply, the arguments of its tool calls one after another. */
    String text() {
        return String.join("", tokens);
    }
}
