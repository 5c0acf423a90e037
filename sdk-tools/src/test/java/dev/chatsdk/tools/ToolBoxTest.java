package dev.chatsdk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chatsdk.ChatJson;
import dev.chatsdk.model.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolBoxTest {

  enum Unit { celsius, fahrenheit }

  record WeatherQuery(@Description("The city, such as Paris") String location, Unit unit) {}

  record Forecast(String location, int degrees) {}

  private final ToolBox box = ToolBox.builder()
      .add("get_weather", "Get the current weather in a city", WeatherQuery.class,
          query -> query.unit() == Unit.celsius ? "18°C in " + query.location() : "64°F in " + query.location())
      .add("forecast", "Tomorrow's forecast", WeatherQuery.class, query -> new Forecast(query.location(), 20))
      .add("silence", "Returns nothing", WeatherQuery.class, query -> null)
      .add("broken", "Always fails", WeatherQuery.class, query -> {
        throw new IllegalStateException("weather service down");
      })
      .build();

  /** Tools written as methods. */
  static class Clock {
    @ToolFunction(description = "The time in a city")
    String time(@JsonProperty("city") @Description("The city") String city,
        @JsonProperty("format") Optional<String> format) {
      return "12:00 in " + city + format.map(f -> " as " + f).orElse("");
    }

    @ToolFunction(name = "add_numbers", description = "Adds two numbers")
    int add(@JsonProperty("a") int a, @JsonProperty("b") int b) {
      return a + b;
    }

    @ToolFunction(description = "Says hello")
    void hello() {
    }
  }

  @Test
  void definitionsAreStrictFunctionToolsWithTheGeneratedSchema() {
    assertThat(ChatJson.toJson(box.tools().get(0))).isEqualTo("""
        {"type":"function","function":{"name":"get_weather","description":"Get the current weather in a city",\
        "parameters":{"type":"object","properties":{"location":{"type":"string","description":"The city, such as\
         Paris"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["location","unit"],\
        "additionalProperties":false},"strict":true}}""");
    assertThat(box.names()).containsExactly("get_weather", "forecast", "silence", "broken");
  }

  @Test
  void strictCanBeLeftOut() {
    ToolBox loose = ToolBox.builder().strict(false)
        .add("get_weather", "Weather", WeatherQuery.class, query -> "").build();

    assertThat(ChatJson.toJson(loose.tools().get(0))).doesNotContain("strict");
  }

  @Test
  void executeBindsTheArgumentsAndReturnsTextAsItIs() {
    assertThat(box.execute(call("get_weather", "{\"location\":\"Rome\",\"unit\":\"fahrenheit\"}")))
        .isEqualTo("64°F in Rome");
  }

  @Test
  void resultThatIsNotTextIsSentAsJson() {
    assertThat(box.execute(call("forecast", "{\"location\":\"Rome\",\"unit\":\"celsius\"}")))
        .isEqualTo("{\"location\":\"Rome\",\"degrees\":20}");
  }

  @Test
  void nullResultIsEmptyText() {
    assertThat(box.execute(call("silence", "{\"location\":\"Rome\",\"unit\":\"celsius\"}"))).isEmpty();
  }

  @Test
  void argumentsThatBreakTheSchemaAreRefusedWithEachViolation() {
    assertThatThrownBy(() -> box.execute(call("get_weather", "{\"location\":3,\"unit\":\"kelvin\"}")))
        .isInstanceOfSatisfying(ToolExecutionException.class, e -> {
          assertThat(e.toolName()).isEqualTo("get_weather");
          assertThat(e.violations()).containsExactlyInAnyOrder("$.location: integer found, string expected",
              "$.unit: does not have a value in the enumeration [\"celsius\", \"fahrenheit\"]");
          assertThat(e).hasMessageStartingWith("Error: the arguments do not follow the schema of get_weather: $.")
              .hasMessageEndingWith(". Call it again with valid arguments.");
        });
  }

  @Test
  void argumentsThatAreNotJsonAreRefused() {
    assertThatThrownBy(() -> box.execute(call("get_weather", "{\"location\": ")))
        .isInstanceOfSatisfying(ToolExecutionException.class, e -> assertThat(e.violations())
            .singleElement().asString().startsWith("$: not valid JSON: "));
  }

  @Test
  void unknownToolIsRefusedNamingTheTools() {
    assertThatThrownBy(() -> box.execute(call("get_time", "{}")))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessage("Error: there is no tool named \"get_time\"; the tools are get_weather, forecast, silence,"
            + " broken.");
  }

  @Test
  void handlerFailureKeepsItsCause() {
    assertThatThrownBy(() -> box.execute(call("broken", "{\"location\":\"Rome\",\"unit\":\"celsius\"}")))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessage("Error: the tool broken failed: IllegalStateException: weather service down")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void annotatedMethodsBecomeToolsWithTheirParametersAsProperties() {
    ToolBox clock = ToolBox.builder().addMethods(new Clock()).build();

    assertThat(clock.names()).containsExactly("add_numbers", "hello", "time");
    assertThat(ChatJson.toJson(clock.tools().get(2))).isEqualTo("""
        {"type":"function","function":{"name":"time","description":"The time in a city","parameters":\
        {"type":"object","properties":{"city":{"type":"string","description":"The city"},\
        "format":{"anyOf":[{"type":"string"},{"type":"null"}]}},"required":["city","format"],\
        "additionalProperties":false},"strict":true}}""");
    assertThat(ChatJson.toJson(clock.tools().get(1))).contains(
        "\"parameters\":{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false}");
  }

  @Test
  void annotatedMethodsRunWithBoundArguments() {
    ToolBox clock = ToolBox.builder().addMethods(new Clock()).build();

    assertThat(clock.execute(call("time", "{\"city\":\"Oslo\",\"format\":null}"))).isEqualTo("12:00 in Oslo");
    assertThat(clock.execute(call("time", "{\"city\":\"Oslo\",\"format\":\"24h\"}"))).isEqualTo("12:00 in Oslo as 24h");
    assertThat(clock.execute(call("add_numbers", "{\"a\":2,\"b\":3}"))).isEqualTo("5");
    assertThat(clock.execute(call("hello", ""))).isEmpty();
  }

  @Test
  void parameterWithoutANameIsRefused() {
    Object unnamed = new Object() {
      @ToolFunction(description = "Echoes")
      String echo(String text) {
        return text;
      }
    };

    assertThatThrownBy(() -> ToolBox.builder().addMethods(unnamed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no name: compile with -parameters, or annotate it with @JsonProperty(\"name\")");
  }

  @Test
  void parameterWithoutAStrictSchemaIsRefusedWithItsPath() {
    Object loose = new Object() {
      @ToolFunction(description = "Stores")
      String store(@JsonProperty("values") Map<String, Object> values) {
        return "";
      }
    };

    assertThatThrownBy(() -> ToolBox.builder().addMethods(loose))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store.values is a Map");
  }

  @Test
  void objectWithoutToolMethodsIsRefused() {
    assertThatThrownBy(() -> ToolBox.builder().addMethods("text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("java.lang.String has no method annotated @ToolFunction");
  }

  @Test
  void namesMustBeValidAndUnique() {
    ToolBox.Builder builder = ToolBox.builder().add("a", "", WeatherQuery.class, query -> "");

    assertThatThrownBy(() -> builder.add("a", "", WeatherQuery.class, query -> ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("There is already a tool named \"a\"");
    assertThatThrownBy(() -> builder.add("get weather", "", WeatherQuery.class, query -> ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid tool name \"get weather\": use 1 to 64 letters, digits, underscores or dashes");
  }

  @Test
  void emptyBoxIsRefused() {
    assertThatThrownBy(() -> ToolBox.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A ToolBox needs at least one tool: call add(...) or addMethods(...)");
  }

  static ToolCall call(String name, String arguments) {
    return ToolCall.function("call_1", name, arguments);
  }

}
