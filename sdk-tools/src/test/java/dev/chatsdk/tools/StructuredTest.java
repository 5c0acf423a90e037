package dev.chatsdk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ChatJson;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ResponseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StructuredTest extends ServerTestBase {

  record CountryFacts(String country, long population, List<String> languages) {}

  record Named(Optional<String> name) {}

  private static final String SCHEMA = """
      {"type":"object","properties":{"country":{"type":"string"},"population":{"type":"integer"},\
      "languages":{"type":"array","items":{"type":"string"}}},"required":["country","population","languages"],\
      "additionalProperties":false}""";

  private final ChatCompletionRequest request = ChatCompletionRequest.builder()
      .model("m")
      .addMessage(Message.user("Facts about Japan"))
      .build();

  @Test
  void formatIsAStrictJsonSchemaNamedAfterTheType() throws Exception {
    assertThat(ChatJson.toJson(Structured.format(CountryFacts.class))).isEqualTo(compact("""
        {"type":"json_schema","json_schema":{"name":"CountryFacts","schema":%s,"strict":true}}""".formatted(SCHEMA)));
  }

  @Test
  void grammarFormatIsHuggingFacesJsonValueForm() throws Exception {
    assertThat(ChatJson.toJson(Structured.grammarFormat(CountryFacts.class)))
        .isEqualTo(compact("{\"type\":\"json\",\"value\":%s}".formatted(SCHEMA)));
  }

  @Test
  void completeSendsTheFormatAndBindsTheValidatedReply() throws Exception {
    enqueueJson(textReply("{\"country\":\"Japan\",\"population\":124000000,\"languages\":[\"Japanese\"]}"));

    CountryFacts facts = Structured.complete(client, request, CountryFacts.class);

    assertThat(facts).isEqualTo(new CountryFacts("Japan", 124_000_000, List.of("Japanese")));
    assertSent("""
        {"model":"m","messages":[{"role":"user","content":"Facts about Japan"}],"response_format":\
        {"type":"json_schema","json_schema":{"name":"CountryFacts","schema":%s,"strict":true}},"stream":false}"""
        .formatted(SCHEMA));
  }

  @Test
  void aRequestWithItsOwnFormatKeepsIt() throws Exception {
    enqueueJson(textReply("{\"country\":\"Japan\",\"population\":1,\"languages\":[]}"));

    Structured.complete(client,
        request.toBuilder().responseFormat(Structured.grammarFormat(CountryFacts.class)).build(), CountryFacts.class);

    assertSent("""
        {"model":"m","messages":[{"role":"user","content":"Facts about Japan"}],"response_format":\
        {"type":"json","value":%s},"stream":false}""".formatted(SCHEMA));
  }

  @Test
  void replyThatBreaksTheSchemaListsEveryViolationWithItsPath() {
    String reply = "{\"country\":7,\"population\":\"many\",\"languages\":[\"Japanese\"],\"capital\":\"Tokyo\"}";
    enqueueJson(textReply(reply));

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> {
          assertThat(e.rawText()).isEqualTo(reply);
          assertThat(e.violations()).containsExactlyInAnyOrder(
              "$.country: integer found, string expected",
              "$.population: string found, integer expected",
              "$: property 'capital' is not defined in the schema and the schema does not allow additional"
                  + " properties");
          assertThat(e).hasMessageStartingWith("The reply is not a valid CountryFacts: $.");
        });
  }

  @Test
  void missingPropertyIsAViolation() {
    enqueueJson(textReply("{\"country\":\"Japan\",\"languages\":[]}"));

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> assertThat(e.violations())
            .containsExactly("$: required property 'population' not found"));
  }

  @Test
  void replyThatIsNotJsonIsAViolationOfTheWholeText() {
    enqueueJson(textReply("Japan has 124 million people."));

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> {
          assertThat(e.rawText()).isEqualTo("Japan has 124 million people.");
          assertThat(e.violations()).singleElement().asString().startsWith("$: not valid JSON: ");
        });
  }

  @Test
  void textAfterTheJsonMakesTheReplyInvalid() {
    enqueueJson(textReply("{\"country\":\"Japan\",\"population\":1,\"languages\":[]} Hope this helps!"));

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> assertThat(e.violations())
            .singleElement().asString().startsWith("$: not valid JSON: "));
  }

  @Test
  void refusalRaisesWithTheRefusalAsRawText() {
    enqueueJson("""
        {"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":null,\
        "refusal":"I can't help with that."},"finish_reason":"stop"}]}""");

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> {
          assertThat(e.rawText()).isEqualTo("I can't help with that.");
          assertThat(e.violations()).isEmpty();
          assertThat(e).hasMessage("The model refused to answer: I can't help with that.");
        });
  }

  @Test
  void emptyReplyRaises() {
    enqueueJson(textReply(""));

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOf(StructuredOutputException.class)
        .hasMessage("The reply is empty, so no CountryFacts");
  }

  @Test
  void replyWithoutChoicesRaises() {
    enqueueJson("{\"id\":\"c1\",\"choices\":[]}");

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOf(StructuredOutputException.class)
        .hasMessage("The reply has no choices, so no CountryFacts");
  }

  @Test
  void replyCutOffAtTheTokenLimitRaisesWithWhatWasWritten() {
    enqueueJson("""
        {"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"{\\"country\\":\\"Ja"},\
        "finish_reason":"length"}]}""");

    assertThatThrownBy(() -> Structured.complete(client, request, CountryFacts.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> {
          assertThat(e.rawText()).isEqualTo("{\"country\":\"Ja");
          assertThat(e).hasMessageContaining("finish_reason length").hasMessageContaining("raise maxTokens");
        });
  }

  @Test
  void optionalPropertyMayBeNullButMustBePresent() {
    assertThat(Structured.parse("{\"name\":null}", Named.class)).isEqualTo(new Named(Optional.empty()));
    assertThat(Structured.parse("{\"name\":\"Ann\"}", Named.class)).isEqualTo(new Named(Optional.of("Ann")));
    assertThatThrownBy(() -> Structured.parse("{}", Named.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> assertThat(e.violations())
            .containsExactly("$: required property 'name' not found"));
  }

  @Test
  void valueThatFollowsTheSchemaButDoesNotFitJavaIsAViolation() {
    record Small(int count) {}

    assertThatThrownBy(() -> Structured.parse("{\"count\":100000000000000000000}", Small.class))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> assertThat(e.violations())
            .singleElement().asString().startsWith("$: cannot be read as Small: "));
  }

  @Test
  void typeWithoutAStrictSchemaFailsBeforeTheCall() {
    record Loose(Map<String, String> values) {}

    assertThatThrownBy(() -> Structured.complete(client, request, Loose.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Loose.values is a Map");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void completeAsyncBindsTheReply() {
    enqueueJson(textReply("{\"country\":\"Japan\",\"population\":1,\"languages\":[]}"));

    assertThat(Structured.completeAsync(client, request, CountryFacts.class).join())
        .isEqualTo(new CountryFacts("Japan", 1, List.of()));
  }

  @Test
  void completeAsyncFailsWithTheStructuredOutputException() {
    enqueueJson(textReply("nope"));

    assertThatThrownBy(() -> Structured.completeAsync(client, request, CountryFacts.class).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(StructuredOutputException.class);
  }

  @Test
  void streamShowsTheObjectTakingShapeThenReturnsTheValidatedValue() throws Exception {
    enqueueStream(chunks("{\"coun", "try\":\"Ja", "pan\",\"popu", "lation\":12", "4,\"languages\":[\"Jap",
        "anese\"]}"));
    List<Map<String, Object>> partials = new ArrayList<>();

    CountryFacts facts = Structured.stream(client, request, CountryFacts.class, partials::add);

    assertThat(facts).isEqualTo(new CountryFacts("Japan", 124, List.of("Japanese")));
    assertThat(partials).containsExactly(
        Map.of(),
        Map.of("country", "Ja"),
        Map.of("country", "Japan"),
        Map.of("country", "Japan", "population", 124L, "languages", List.of("Jap")),
        Map.of("country", "Japan", "population", 124L, "languages", List.of("Japanese")));
    assertThat(server.takeRequest().getBody().utf8()).contains("\"stream\":true")
        .contains("\"response_format\":{\"type\":\"json_schema\"");
  }

  @Test
  void streamRaisesWhenTheWholeReplyIsInvalid() {
    enqueueStream(chunks("{\"country\":\"Japan\"}"));

    assertThatThrownBy(() -> Structured.stream(client, request, CountryFacts.class, partial -> { }))
        .isInstanceOfSatisfying(StructuredOutputException.class, e -> assertThat(e.violations())
            .containsExactlyInAnyOrder("$: required property 'population' not found",
                "$: required property 'languages' not found"));
  }

  @Test
  void formatNameKeepsOnlyWhatOpenAiAccepts() {
    class Ünïcode {}

    assertThat(Structured.name(Ünïcode.class)).isEqualTo("_n_code");
    assertThat(Structured.name(CountryFacts.class)).isEqualTo("CountryFacts");
  }

  static String chunks(String... deltas) {
    StringBuilder body = new StringBuilder();
    for (String delta : deltas) {
      body.append("data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
          .append(quote(delta)).append("}}]}\n\n");
    }
    body.append("data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    return body.append("data: [DONE]\n\n").toString();
  }
}
