package dev.chatsdk.examples;

import java.util.List;
import java.util.Optional;

/**
 * The demo server's whole knowledge of geography: enough for the examples' questions (capitals,
 * structured facts, the weather tool's location) to get answers that are right, not placeholders.
 */
record Place(String country, String capital, String language, long population) {

    static final Place FRANCE = new Place("France", "Paris", "French", 68_000_000);

    private static final List<Place> ALL = List.of(
            FRANCE,
            new Place("Germany", "Berlin", "German", 84_000_000),
            new Place("Italy", "Rome", "Italian", 59_000_000),
            new Place("Spain", "Madrid", "Spanish", 48_000_000),
            new Place("Japan", "Tokyo", "Japanese", 124_000_000),
            new Place("Brazil", "Brasília", "Portuguese", 212_000_000));

    /** The first place whose country or capital is a word of the text. */
    static Optional<Place> mentionedIn(Words text) {
        return ALL.stream()
                .filter(place -> text.contains(place.country()) || text.contains(place.capital()))
                .findFirst();
    }

    long populationMillions() {
        return population / 1_000_000;
    }
}
