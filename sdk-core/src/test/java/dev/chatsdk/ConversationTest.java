package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ToolCall;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link Conversation}: turns and replies kept in order, sent again with each request. */
class ConversationTest extends ClientTestBase {

  private final ChatCompletionRequest.Builder settings = ChatCompletionRequest.builder().model("acme/tiny");

  @Test
  void eachRequestCarriesTheWholeConversationSoFar() throws InterruptedException {
    server.enqueue(json(200, completion("Paris.")));
    server.enqueue(eventStream(chunk("Ber") + chunk("lin.") + done()));
    Conversation chat = Conversation.of(Message.system("Answer in one word."));

    try (ChatClient client = builder().build()) {
      chat.addUser("Capital of France?");
      chat.addReply(client.complete(chat.request(settings)));
      chat.addUser("And of Germany?");
      chat.addReply(client.stream(chat.request(settings)).accumulate());
    }

    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("""
        {"model":"acme/tiny","messages":[{"role":"system","content":"Answer in one word."},\
        {"role":"user","content":"Capital of France?"},{"role":"assistant","content":"Paris."},\
        {"role":"user","content":"And of Germany?"}],"stream":true}""");
    assertThat(chat.messages()).hasSize(5).last()
        .isEqualTo(Message.assistant("Berlin."));
  }

  @Test
  void aReplyFromAnAsyncStreamIsAddedLikeAnyOther() {
    server.enqueue(eventStream(chunk("Paris.") + done()));
    Conversation chat = new Conversation().addUser("Capital of France?");

    try (ChatClient client = builder().build()) {
      ChatCompletion reply = chat.addReply(client.streamAsync(chat.request(settings), text -> { }).join());

      assertThat(reply.text()).isEqualTo("Paris.");
      assertThat(chat.messages().get(1)).isEqualTo(Message.assistant("Paris."));
    }
    assertThat(chat.size()).isEqualTo(2);
  }

  @Test
  void aNewUserTurnStopsEarlierRepliesFromSendingTheirReasoning() {
    AssistantMessage thinking = AssistantMessage.builder()
        .reasoningContent("The user wants the weather; call the tool.")
        .addToolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
        .build();
    Conversation chat = Conversation.of(List.of(
        Message.user("Weather in Paris?"), thinking, Message.tool("call_1", "22 C"), Message.assistant("22 C.")));

    assertThat(((AssistantMessage) chat.messages().get(1)).sendsReasoning()).isTrue();

    chat.addUser("And tomorrow?");

    AssistantMessage kept = (AssistantMessage) chat.messages().get(1);
    assertThat(kept.sendsReasoning()).isFalse();
    assertThat(kept.reasoningContent()).contains("The user wants the weather; call the tool.");
    assertThat(kept.toolCalls()).isEqualTo(thinking.toolCalls());
    assertThat(ChatJson.toJson(kept)).doesNotContain("reasoning");
  }

  @Test
  void reasoningWithinTheCurrentTurnIsStillSent() {
    AssistantMessage thinking = AssistantMessage.builder().reasoningContent("Think.").content("").build();
    Conversation chat = new Conversation().addUser("Go").add(thinking);

    assertThat(ChatJson.toJson(chat.messages().get(1))).contains("\"reasoning_content\":\"Think.\"");
  }

  @Test
  void snapshotsDoNotChangeWhenTheConversationGoesOn() {
    Conversation chat = new Conversation().addUser("One");
    List<Message> before = chat.messages();

    chat.addUser("Two");

    assertThat(before).hasSize(1);
    assertThatThrownBy(() -> before.add(Message.user("x"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void removeLastForgetsAFailedQuestion() {
    Conversation chat = new Conversation().addUser("One");

    assertThat(chat.removeLast()).isEqualTo(Message.user("One"));
    assertThat(chat.size()).isZero();
    assertThatThrownBy(chat::removeLast).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aCompletionWithoutChoicesIsRefusedAsAReply() {
    Conversation chat = new Conversation().addUser("One");
    ChatCompletion empty = new ChatCompletionAccumulator().result();

    assertThatThrownBy(() -> chat.addReply(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no first choice");
    assertThat(chat.size()).isEqualTo(1);
  }

  @Test
  void aRequestWithoutMessagesIsRefusedAsTheRequestBuilderRefusesIt() {
    assertThatThrownBy(() -> new Conversation().request(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messages is empty");
  }
}
