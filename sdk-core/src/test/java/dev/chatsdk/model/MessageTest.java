package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message factories and what a message built by hand or returned by a server holds. */
class MessageTest {

  @Test
  void factoriesGiveTheRoleOfTheirName() {
    assertThat(Message.system("s").role()).isEqualTo("system");
    assertThat(Message.developer("d").role()).isEqualTo("developer");
    assertThat(Message.user("u").role()).isEqualTo("user");
    assertThat(Message.user(List.of(ContentPart.text("u"))).role()).isEqualTo("user");
    assertThat(Message.assistant("a").role()).isEqualTo("assistant");
    assertThat(Message.tool("id", "t").role()).isEqualTo("tool");
  }

  @Test
  void textFactoriesHoldTextContent() {
    assertThat(Message.user("Hello").content()).isEqualTo(MessageContent.text("Hello"));
    assertThat(Message.tool("call_1", "22 C").toolCallId()).isEqualTo("call_1");
    assertThat(Message.assistant("Hi").content()).contains("Hi");
    assertThat(Message.assistant("Hi").toolCalls()).isEmpty();
  }

  @Test
  void contentAsTextJoinsTextPartsOnly() {
    MessageContent content = MessageContent.parts(List.of(
        ContentPart.text("What is "), ContentPart.imageUrl("https://x/y.png"), ContentPart.text("this?")));

    assertThat(content.asText()).isEqualTo("What is this?");
    assertThat(MessageContent.text("plain").asText()).isEqualTo("plain");
  }

  @Test
  void partsAreCopied() {
    List<ContentPart> parts = new ArrayList<>(List.of(ContentPart.text("a")));
    UserMessage message = Message.user(parts);

    parts.add(ContentPart.text("b"));

    assertThat(((MessageContent.Parts) message.content()).parts()).hasSize(1);
  }

  @Test
  void returnedAndBuiltMessagesWithTheSameValuesAreEqual() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4", "reasoning_content": "2+2"}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();
    AssistantMessage built = AssistantMessage.builder().content("4").reasoningContent("2+2").build();

    assertThat(returned).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(returned.sendsReasoning()).isFalse();
    assertThat(built.sendsReasoning()).isTrue();
    assertThat(returned).hasToString("AssistantMessage[content=4, reasoningContent=2+2]");
  }

  @Test
  void toBuilderKeepsWhetherReasoningIsSent() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4", "reasoning": "2+2"}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    assertThat(returned.toBuilder().name("bot").build().sendsReasoning()).isFalse();
    assertThat(AssistantMessage.builder().content("4").reasoningContent("r").build().toBuilder().build()
        .sendsReasoning()).isTrue();
  }

  @Test
  void withNameAddsAParticipantName() {
    assertThat(Message.user("u").withName("ann").name()).contains("ann");
    assertThat(Message.system("s").withName("rules").name()).contains("rules");
    assertThat(Message.developer("d").withName("dev").name()).contains("dev");
    assertThat(Message.tool("c", "t").withName("get_weather").name()).contains("get_weather");
  }

  @Test
  void handBuiltToolCallIsAFunctionCall() {
    ToolCall call = ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}");

    assertThat(call.type()).isEqualTo(ToolCall.FUNCTION);
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(call.custom()).isEmpty();
  }

  @Test
  void sendsReasoningCanBeSetEitherWay() throws IOException {
    AssistantMessage likeReturned = AssistantMessage.builder().content("4").reasoningContent("r")
        .sendsReasoning(false).build();
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4", "reasoning_content": "r"}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    assertThat(Json.mapper().writeValueAsString(likeReturned)).doesNotContain("reasoning");
    assertThat(Json.mapper().writeValueAsString(returned.toBuilder().sendsReasoning(true).build()))
        .contains("\"reasoning_content\":\"r\"");
    assertThat(AssistantMessage.builder().content("4").sendsReasoning(true).build().sendsReasoning()).isFalse();
  }
}
