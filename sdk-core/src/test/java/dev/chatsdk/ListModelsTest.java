package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.ModelInfo;
import dev.chatsdk.model.ProviderInfo;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code listModels()}: {@code GET {base}/models}, read in every server's shape. */
class ListModelsTest extends ClientTestBase {

  @Test
  void theRoutersListingTypesEachProvider() throws InterruptedException {
    server.enqueue(json(200, """
        {"object":"list","data":[{"id":"deepseek-ai/DeepSeek-V3","object":"model","created":1735689600,
          "owned_by":"deepseek-ai","architecture":{"input_modalities":["text"],"output_modalities":["text"]},
          "providers":[
            {"provider":"together","status":"live","context_length":131072,"pricing":{"input":1.25,"output":1.25},
             "is_free":false,"supports_tools":true,"supports_structured_output":true,
             "first_token_latency_ms":412.5,"throughput":61.2,"is_model_author":false},
            {"provider":"novita","status":"error"}]}]}"""));

    List<ModelInfo> models;
    try (ChatClient client = builder().build()) {
      models = client.listModels();
    }

    assertThat(models).hasSize(1);
    ModelInfo model = models.get(0);
    assertThat(model.id()).isEqualTo("deepseek-ai/DeepSeek-V3");
    assertThat(model.ownedBy()).contains("deepseek-ai");
    assertThat(model.created()).isEqualTo(1735689600L);
    assertThat(model.extra()).containsOnlyKeys("architecture");
    ProviderInfo together = model.provider("together").orElseThrow();
    assertThat(together.isLive()).isTrue();
    assertThat(together.contextLength()).isEqualTo(OptionalLong.of(131072));
    assertThat(together.pricing().orElseThrow().input()).isEqualTo(OptionalDouble.of(1.25));
    assertThat(together.pricing().orElseThrow().output()).isEqualTo(OptionalDouble.of(1.25));
    assertThat(together.supportsTools()).contains(true);
    assertThat(together.supportsStructuredOutput()).contains(true);
    assertThat(together.firstTokenLatencyMs()).isEqualTo(OptionalDouble.of(412.5));
    assertThat(together.throughput()).isEqualTo(OptionalDouble.of(61.2));
    assertThat(together.isModelAuthor()).contains(false);
    assertThat(together.extra()).containsExactly(Map.entry("is_free", false));
    ProviderInfo novita = model.provider("novita").orElseThrow();
    assertThat(novita.isLive()).isFalse();
    assertThat(novita.status()).contains("error");
    assertThat(novita.contextLength()).isEmpty();
    assertThat(novita.pricing()).isEmpty();
    assertThat(novita.supportsTools()).isEmpty();

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getTarget()).isEqualTo("/v1/models");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(sent.getHeaders().get("Content-Type")).isNull();
    assertThat(sent.getBodySize()).isZero();
  }

  @Test
  void openAisListingHasNoProviders() {
    server.enqueue(json(200, """
        {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]}"""));

    ModelInfo model = listOne();

    assertThat(model.id()).isEqualTo("gpt-4o-mini");
    assertThat(model.object()).isEqualTo("model");
    assertThat(model.ownedBy()).contains("system");
    assertThat(model.providers()).isEmpty();
    assertThat(model.extra()).isEmpty();
  }

  @Test
  void vllmsExtraFieldsAreKept() {
    server.enqueue(json(200, """
        {"object":"list","data":[{"id":"Qwen/Qwen2.5-7B-Instruct","object":"model","created":1735000000,
          "owned_by":"vllm","root":"Qwen/Qwen2.5-7B-Instruct","parent":null,"max_model_len":32768,
          "permission":[{"id":"modelperm-1","allow_sampling":true}]}]}"""));

    ModelInfo model = listOne();

    assertThat(model.ownedBy()).contains("vllm");
    assertThat(model.extra()).containsEntry("max_model_len", 32768).containsEntry("parent", null)
        .containsKeys("root", "permission");
  }

  @Test
  void llamaCppsTwoListsAreReadOnceFromData() {
    server.enqueue(json(200, """
        {"models":[{"name":"qwen2.5-0.5b-instruct-q8_0.gguf","model":"qwen2.5-0.5b-instruct-q8_0.gguf",
           "type":"model","capabilities":["completion"]}],
         "object":"list","data":[{"id":"qwen2.5-0.5b-instruct-q8_0.gguf","object":"model","created":1735000000,
           "owned_by":"llamacpp","meta":{"n_ctx_train":32768,"n_params":494032768}}]}"""));

    ModelInfo model = listOne();

    assertThat(model.id()).isEqualTo("qwen2.5-0.5b-instruct-q8_0.gguf");
    assertThat(model.ownedBy()).contains("llamacpp");
    assertThat(model.extra()).containsKey("meta");
  }

  @Test
  void ollamasOwnListingTakesTheNameAsId() {
    server.enqueue(json(200, """
        {"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-01-10T09:00:00Z",
          "size":2019393189,"details":{"family":"llama"}}]}"""));

    ModelInfo model = listOne();

    assertThat(model.id()).isEqualTo("llama3.2:latest");
    assertThat(model.created()).isZero();
    assertThat(model.extra()).containsEntry("modified_at", "2025-01-10T09:00:00Z").containsKey("details");
  }

  @Test
  void aSingleModelObjectIsAListOfOne() {
    server.enqueue(json(200, """
        {"id":"tgi","object":"model","created":0,"owned_by":"meta-llama/Llama-3.1-8B-Instruct"}"""));

    ModelInfo model = listOne();

    assertThat(model.id()).isEqualTo("tgi");
    assertThat(model.ownedBy()).contains("meta-llama/Llama-3.1-8B-Instruct");
  }

  @Test
  void aBareArrayOfModelsOrOfIdsIsRead() {
    server.enqueue(json(200, "[{\"id\":\"a\",\"created\":1.7E9},\"b\"]"));

    try (ChatClient client = builder().build()) {
      List<ModelInfo> models = client.listModels();

      assertThat(models).extracting(ModelInfo::id).containsExactly("a", "b");
      assertThat(models.get(0).created()).isEqualTo(1_700_000_000L);
    }
  }

  @Test
  void anEntryWithAFieldOfAnUnexpectedTypeKeepsItsNameAndFieldsWithoutFailingTheListing() {
    server.enqueue(json(200, """
        {"data":[{"id":"m","owned_by":{"name":"acme"},"providers":[
          {"provider":"groq","status":"live","supports_tools":"yes"},
          {"provider":"together","status":"live","supports_tools":true}, "not an object"]}]}"""));

    ModelInfo model = listOne();

    assertThat(model.id()).isEqualTo("m");
    assertThat(model.ownedBy()).isEmpty();
    assertThat(model.extra()).containsEntry("owned_by", Map.of("name", "acme"));
    assertThat(model.providers()).extracting(ProviderInfo::provider).containsExactly("groq", "together");
    ProviderInfo groq = model.providers().get(0);
    assertThat(groq.isLive()).isTrue();
    assertThat(groq.supportsTools()).isEmpty();
    assertThat(groq.extra()).containsExactly(Map.entry("supports_tools", "yes"));
    assertThat(model.providers().get(1).supportsTools()).contains(true);
  }

  @Test
  void theAsyncListingGivesTheSameModels() {
    server.enqueue(json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}"));

    try (ChatClient client = builder().build()) {
      assertThat(client.listModelsAsync().join()).extracting(ModelInfo::id).containsExactly("a", "b");
    }
  }

  @Test
  void aBodyThatIsNoListingNamesTheUrlAndShowsTheBody() {
    server.enqueue(json(200, "{\"status\":\"ok\"}"));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(client::listModels)
          .isExactlyInstanceOf(ChatSdkException.class)
          .hasMessage("The server answered HTTP 200 (application/json) to GET " + server.url("/v1/models")
              + " with a body that is not a list of models: {\"status\":\"ok\"}");
    }
  }

  @Test
  void aNotFoundNamesTheListingUrlAndSuggestsV1() {
    server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
    String origin = "http://" + server.getHostName() + ":" + server.getPort();

    try (ChatClient client = builder().baseUrl(origin).build()) {
      assertThatThrownBy(client::listModels)
          .isExactlyInstanceOf(NotFoundException.class)
          .hasMessageContaining("(GET " + origin + "/models: the base URL may lack its /v1")
          .hasMessageContaining("try baseUrl(\"" + origin + "/v1\")");
    }
  }

  @Test
  void aModelInfoWritesBackAsItWasRead() {
    String json = "{\"id\":\"m\",\"object\":\"model\",\"created\":1,\"owned_by\":\"o\",\"providers\":"
        + "[{\"provider\":\"groq\",\"status\":\"live\",\"context_length\":8192,\"supports_tools\":true,"
        + "\"is_free\":true}],\"architecture\":{}}";

    ModelInfo model = ChatJson.fromJson(json, ModelInfo.class);

    assertThat(ChatJson.fromJson(ChatJson.toJson(model), ModelInfo.class)).isEqualTo(model);
    assertThat(ChatJson.toJson(model)).doesNotContain("\"live\":").contains("\"is_free\":true");
  }

  private ModelInfo listOne() {
    try (ChatClient client = builder().build()) {
      List<ModelInfo> models = client.listModels();
      assertThat(models).hasSize(1);
      return models.get(0);
    }
  }
}
