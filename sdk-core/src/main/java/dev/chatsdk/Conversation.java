package dev.chatsdk;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The messages of one conversation, kept in order: the user's turns and the model's replies, which are sent again
 * with each new request.
 *
 * <pre>{@code
 * Conversation chat = Conversation.of(Message.system("Answer in one sentence."));
 * ChatCompletionRequest.Builder settings = ChatCompletionRequest.builder().model(model).maxTokens(300);
 *
 * chat.addUser("What is the capital of France?");
 * chat.addReply(client.complete(chat.request(settings)));
 * chat.addUser("And of Germany?");
 * chat.addReply(client.stream(chat.request(settings)).accumulate(System.out::print));
 * }</pre>
 *
 * <p>A reply comes from a whole completion, from a stream folded with {@link ChatCompletionStream#accumulate} or
 * {@link ChatClient#streamAsync(ChatCompletionRequest, java.util.function.Consumer)}, or as a message. A tool run's
 * transcript ({@code ToolRun.messages()}) continues as a conversation with {@link #of(List)}.
 *
 * <p>Reasoning: an assistant message built to send its reasoning back ({@link AssistantMessage#sendsReasoning()}, as
 * a tool loop's messages do within one run, for DeepSeek's thinking mode) keeps sending it until the next user turn.
 * When a user turn begins, every earlier assistant message stops sending its reasoning (it stays readable in
 * {@link AssistantMessage#reasoningContent()}): servers reject, or bill for, the reasoning of finished turns.
 *
 * <p>Not thread-safe: a conversation is one dialogue, used by one thread at a time. {@link #messages()} and
 * {@link #request} return snapshots that stay as they are when the conversation goes on, and may be shared.
 */
public final class Conversation {

  private final List<Message> messages = new ArrayList<>();

  /** An empty conversation. */
  public Conversation() {
  }

  /** A conversation that starts with these messages, such as a system message. */
  public static Conversation of(Message... messages) {
    Objects.requireNonNull(messages, "messages == null");
    return of(List.of(messages));
  }

  /** A conversation that continues these messages, such as a tool run's transcript; the list is copied. */
  public static Conversation of(List<? extends Message> messages) {
    Objects.requireNonNull(messages, "messages == null");
    Conversation conversation = new Conversation();
    for (Message message : messages) {
      conversation.messages.add(Objects.requireNonNull(message, "messages contains null"));
    }
    return conversation;
  }

  /** Begins a user turn with this text. */
  public Conversation addUser(String text) {
    return add(Message.user(Objects.requireNonNull(text, "text == null")));
  }

  /**
   * Adds a message as it is; a {@link UserMessage} begins a user turn, which stops earlier assistant messages from
   * sending their reasoning (see the class comment).
   */
  public Conversation add(Message message) {
    Objects.requireNonNull(message, "message == null");
    if (message instanceof UserMessage) {
      messages.replaceAll(Conversation::withoutSentReasoning);
    }
    messages.add(message);
    return this;
  }

  /** Adds these messages in order, as {@link #add(Message)} does each one. */
  public Conversation addAll(List<? extends Message> messages) {
    Objects.requireNonNull(messages, "messages == null");
    messages.forEach(this::add);
    return this;
  }

  /**
   * Adds the model's reply, the message of the completion's first choice (index 0), and returns the completion, so
   * that a call reads {@code out.println(chat.addReply(client.complete(chat.request(settings))).text())}.
   *
   * @throws IllegalArgumentException if the completion has no choice 0, which leaves the conversation as it was
   */
  public ChatCompletion addReply(ChatCompletion completion) {
    Objects.requireNonNull(completion, "completion == null");
    for (Choice choice : completion.choices()) {
      if (choice.index() == 0) {
        messages.add(choice.message());
        return completion;
      }
    }
    throw new IllegalArgumentException("The completion has no first choice to add as the reply (id \""
        + completion.id() + "\", " + completion.choices().size() + " choices)");
  }

  /**
   * Removes and returns the last message, such as a user turn whose request failed, so that the next one is not sent
   * after an unanswered question.
   *
   * @throws NoSuchElementException if the conversation is empty
   */
  public Message removeLast() {
    if (messages.isEmpty()) {
      throw new NoSuchElementException("The conversation is empty");
    }
    return messages.remove(messages.size() - 1);
  }

  /** The messages so far, in order: an immutable snapshot. */
  public List<Message> messages() {
    return List.copyOf(messages);
  }

  /** How many messages the conversation holds. */
  public int size() {
    return messages.size();
  }

  /**
   * A request with the settings of {@code settings} (model, limits, tools...) and this conversation's messages,
   * which replace any the builder held. The builder is left holding them too.
   *
   * @throws IllegalArgumentException as {@link ChatCompletionRequest.Builder#build()} does, for one without messages
   */
  public ChatCompletionRequest request(ChatCompletionRequest.Builder settings) {
    Objects.requireNonNull(settings, "settings == null");
    return settings.messages(messages()).build();
  }

  @Override
  public String toString() {
    return "Conversation{" + messages.size() + " messages}";
  }

  private static Message withoutSentReasoning(Message message) {
    if (message instanceof AssistantMessage assistant && assistant.sendsReasoning()) {
      return assistant.toBuilder().sendsReasoning(false).build();
    }
    return message;
  }
}
