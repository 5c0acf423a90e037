package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One request message as the demo server reads it: its role, its text (the string content, or the
 * text parts joined), the URLs of its image parts, and the raw node for the tool-call fields.
 */
record ChatMessage(String role, String text, List<String> imageUrls, JsonNode node) {

    static ChatMessage of(JsonNode node, String role) {
        JsonNode content = node.path("content");
        if (!content.isArray()) {
            return new ChatMessage(role, content.asText(""), List.of(), node);
        }
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (type.equals("text")) {
                texts.add(part.path("text").asText());
            } else if (type.equals("image_url")) {
                JsonNode image = part.path("image_url");
                // OpenAI nests the URL in an object; a few compatible servers accept the bare string.
                images.add(image.isTextual() ? image.asText() : image.path("url").asText());
            }
        }
        return new ChatMessage(role, String.join(" ", texts), List.copyOf(images), node);
    }

    boolean hasRole(String expected) {
        return role.equals(expected);
    }
}
