package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestToStringTest {

  @Test
  void requestPrintsOnlyTheFieldsThatAreSet() {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .model("m")
        .addMessage(Message.user("Hi"))
        .maxTokens(200)
        .build();

    assertThat(request.toString())
        .isEqualTo("ChatCompletionRequest[model=m, messages=[UserMessage[content=Text[text=Hi]]], maxTokens=200]");
  }

  @Test
  void requestPrintsOptionalValuesUnwrappedAndNonEmptyListsAndMaps() {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .addMessage(Message.system("Be brief.").withName("rules"))
        .stop(List.of("END"))
        .temperature(0.5)
        .extraBody("top_k", 5)
        .build();

    assertThat(request.toString()).isEqualTo("ChatCompletionRequest[messages=[SystemMessage[content=Text[text=Be brief.], "
        + "name=rules]], stop=[END], temperature=0.5, extraBody={top_k=5}]");
  }

  @Test
  void messagesPrintOnlyWhatIsSet() {
    assertThat(Message.assistant("Paris.")).hasToString("AssistantMessage[content=Paris.]");
    assertThat(Message.tool("call_1", "22 C")).hasToString("ToolMessage[content=Text[text=22 C], toolCallId=call_1]");
  }
}
