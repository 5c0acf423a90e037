package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What building refuses, with a message that names the field; and what it leaves to the server. */
class RequestValidationTest {

  private static ChatCompletionRequest.Builder request() {
    return ChatCompletionRequest.builder().addMessage(Message.user("Hi"));
  }

  @Test
  void requestWithoutMessagesIsRefused() {
    assertThatThrownBy(() -> ChatCompletionRequest.builder().model("m").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messages");
  }

  @Test
  void blankModelIsRefused() {
    assertThatThrownBy(() -> request().model(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model is blank");
    assertThatThrownBy(() -> request().model("").build()).hasMessageContaining("model is blank");
  }

  @Test
  void missingModelIsAccepted() {
    assertThatCode(() -> request().build()).doesNotThrowAnyException();
  }

  @Test
  void nanAndInfinityAreRefusedNamingTheField() {
    Map<String, UnaryOperator<ChatCompletionRequest.Builder>> setters = Map.of(
        "temperature", b -> b.temperature(Double.NaN),
        "topP", b -> b.topP(Double.POSITIVE_INFINITY),
        "frequencyPenalty", b -> b.frequencyPenalty(Double.NEGATIVE_INFINITY),
        "presencePenalty", b -> b.presencePenalty(Double.NaN),
        "repetitionPenalty", b -> b.repetitionPenalty(Double.NaN),
        "minP", b -> b.minP(Double.NaN),
        "xtcThreshold", b -> b.xtcThreshold(Double.NaN),
        "xtcProbability", b -> b.xtcProbability(Double.NaN),
        "logitBias[42]", b -> b.putLogitBias(42, Double.NaN));

    setters.forEach((field, setter) -> assertThatThrownBy(() -> setter.apply(request()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " must be a finite number"));
  }

  @Test
  void numericRangesAreLeftToTheServer() {
    assertThatCode(() -> request()
        .temperature(7.5)
        .topP(-1)
        .maxTokens(-5)
        .n(0)
        .topLogprobs(99)
        .putLogitBias(1, 500)
        .build()).doesNotThrowAnyException();
  }

  @Test
  void toolMessageWithoutToolCallIdIsRefused() {
    assertThatThrownBy(() -> Message.tool(null, "22 C"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("toolCallId == null");
  }

  @Test
  void settersRefuseNullNamingTheField() {
    assertThatThrownBy(() -> request().model(null)).hasMessage("model == null");
    assertThatThrownBy(() -> request().addMessage(null)).hasMessage("message == null");
    assertThatThrownBy(() -> request().addTool(null)).hasMessage("tool == null");
    assertThatThrownBy(() -> request().toolChoice(null)).hasMessage("toolChoice == null");
    assertThatThrownBy(() -> request().messages(Arrays.asList(Message.user("a"), null)))
        .hasMessage("messages contains null");
    assertThatThrownBy(() -> request().putMetadata("k", null)).hasMessage("metadata value == null");
    assertThatThrownBy(() -> Message.user((String) null)).hasMessage("content == null");
    assertThatThrownBy(() -> ContentPart.imageUrl(null)).hasMessage("url == null");
  }

  @Test
  void streamCannotBeSetThroughExtraBody() {
    assertThatThrownBy(() -> request().extraBody("stream", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream");
  }

  @Test
  void regexFormatNeedsExactlyOnePattern() {
    assertThatThrownBy(() -> new RegexResponseFormat(Optional.of("a"), Optional.of("b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegexResponseFormat(Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builtRequestIsImmutable() {
    ChatCompletionRequest.Builder builder = request().addStop("a");
    ChatCompletionRequest request = builder.build();

    builder.addStop("b").addMessage(Message.user("again"));

    assertThatThrownBy(() -> request.stop().add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(request.stop()).containsExactly("a");
    assertThat(request.messages()).hasSize(1);
  }

  @Test
  void listSetterReplacesAndAddAppends() {
    ChatCompletionRequest request = request()
        .addStop("a")
        .stop(List.of("b", "c"))
        .addStop("d")
        .build();

    assertThat(request.stop()).containsExactly("b", "c", "d");
  }

  @Test
  void toBuilderDerivesAChangedRequestAndLeavesTheOriginal() {
    ChatCompletionRequest original = Requests.everyField();

    ChatCompletionRequest changed = original.toBuilder().temperature(0.1).build();

    assertThat(changed.temperature()).contains(0.1);
    assertThat(original.temperature()).contains(0.7);
    assertThat(changed.toBuilder().temperature(0.7).build()).isEqualTo(original);
  }
}
