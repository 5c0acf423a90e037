package dev.chatsdk.examples;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo server's text answers: a small table for the questions the examples ask, and for
 * anything else a reply that echoes the question, so that a reader always sees their own words
 * come back and knows no model was involved.
 */
final class CannedAnswers {
    private record Rule(List<String> keys, String answer) {}

    // Checked in order; a key is a word of the question or, when it has spaces, a phrase in it.
    private static final List<Rule> RULES = List.of(
            new Rule(List.of("weather", "forecast"),
                    "I cannot look outside from here. Give me a weather tool and I will call it for you."),
            new Rule(List.of("haiku", "poem"),
                    "Tokens drift like snow,\neach chunk a small white petal:\nthe answer takes shape."),
            new Rule(List.of("joke"),
                    "Why do Java developers wear glasses? Because they don't C#."),
            new Rule(List.of("stream", "streaming", "streamed", "server-sent", "sse"),
                    "Streaming sends the answer while it is being generated. The server writes one small chunk"
                            + " per token as a server-sent event, and the client prints each chunk as it arrives,"
                            + " so you watch the reply grow word by word instead of waiting for all of it."),
            new Rule(List.of("story"),
                    "Once upon a time, a small program asked a question across the network. The answer came"
                            + " back one word at a time, and the program printed every word the moment it"
                            + " arrived. The end."),
            new Rule(List.of("count"),
                    "One, two, three, four, five, six, seven, eight, nine, ten."),
            new Rule(List.of("who are you", "your name", "what are you"),
                    "I am the chatsdk demo server: a small OpenAI-compatible endpoint running inside the examples,"
                            + " so that they work offline. Set HF_TOKEN to talk to a real model."),
            new Rule(List.of("thanks", "thank"),
                    "You're welcome! Is there anything else I can do for you?"),
            new Rule(List.of("hello", "hi", "hey", "greetings"),
                    "Hello! How can I help you today?"));

    private static final int MAX_ECHO = 200;

    private CannedAnswers() {}

    /** The answer to the request's last user message. */
    static String answer(ChatRequest request) {
        Optional<ChatMessage> asked = request.lastUserMessage();
        Words question = new Words(asked.map(ChatMessage::text).orElse(""));
        List<String> images = asked.map(ChatMessage::imageUrls).orElse(List.of());
        if (!images.isEmpty()) {
            return seeImages(images, question);
        }
        if (question.isBlank()) {
            return "Ask me something, for example: What is the capital of France?";
        }
        Optional<Place> place = Place.mentionedIn(question);
        if (place.isPresent()) {
            return about(place.get(), question);
        }
        for (Rule rule : RULES) {
            if (question.containsAny(rule.keys())) {
                return rule.answer();
            }
        }
        return echo(request, question);
    }

    private static String about(Place place, Words question) {
        if (question.contains("capital")) {
            return "The capital of " + place.country() + " is " + place.capital() + ".";
        }
        return place.capital() + " is the capital of " + place.country() + ". People there speak "
                + place.language() + ", and about " + place.populationMillions() + " million people live in the"
                + " country.";
    }

    private static String seeImages(List<String> urls, Words question) {
        Set<String> sources = new LinkedHashSet<>();
        urls.forEach(url -> sources.add(source(url)));
        String count = urls.size() == 1 ? "one image" : urls.size() + " images";
        String asked = question.isBlank() ? "" : " You asked: \"" + question.text() + "\"";
        return "I can see " + count + " (" + String.join(", ", sources) + "). The offline demo server cannot"
                + " look inside images; a vision model would describe what is in it here." + asked;
    }

    private static String source(String url) {
        if (url.startsWith("data:")) {
            return "sent inline as data";
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : "from " + host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String echo(ChatRequest request, Words question) {
        String text = question.text().strip();
        if (text.codePointCount(0, text.length()) > MAX_ECHO) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_ECHO)).strip() + "...";
        }
        long turn = request.messages().stream().filter(message -> message.hasRole("user")).count();
        // The turn number shows a chat loop that the whole conversation was sent back.
        String turnNote = turn > 1 ? " This is message " + turn + " of our conversation." : "";
        return "I am the offline chatsdk demo server, so I can only echo what you said: \"" + text + "\"."
                + turnNote + " Set HF_TOKEN to get a real answer from a model.";
    }
}
