package dev.chatsdk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Simple(String name, int count, long big, double ratio, boolean active) {}

  enum Unit { CELSIUS, FAHRENHEIT }

  record WithEnum(Unit unit) {}

  record Lists(List<String> tags, Set<Integer> ids, String[] names, List<List<Double>> matrix) {}

  record Address(String street, String city) {}

  record Person(String name, Address home, Address work) {}

  record Optionals(Optional<String> nickname, Optional<Address> address, @Nullable String note) {}

  record OptionalEnum(Optional<Unit> unit) {}

  record Node(String value, List<Node> children) {}

  record Tree(Leaf root) {}

  record Leaf(String label, Optional<Leaf> next) {}

  @Description("A city's weather question")
  record Described(@Description("The city") String city, @JsonPropertyDescription("From Jackson") String unit) {}

  @JsonClassDescription("Described by Jackson")
  record JacksonDescribed(String text) {}

  record Renamed(@JsonProperty("zip_code") String zip, @JsonIgnore String secret, String plain) {}

  @JsonPropertyOrder({"b", "a"})
  record Ordered(String a, String b, String c) {}

  static class Bean {
    public String title;
    private int pages;
    static int ignoredStatic;
    transient String ignoredTransient;

    public int getPages() {
      return pages;
    }
  }

  record Untyped(Object value) {}

  record WithMap(Map<String, String> attributes) {}

  record Raw(@SuppressWarnings("rawtypes") List items) {}

  record Trip(List<Stop> stops) {}

  record Stop(String place, Map<String, Object> notes) {}

  /** Any annotation named Nullable marks a nullable component. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
  @interface Nullable {}

  @Test
  void recordBecomesAClosedObjectWithEveryPropertyRequiredInDeclarationOrder() throws Exception {
    assertSchema(Simple.class, """
        {"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"},\
        "big":{"type":"integer"},"ratio":{"type":"number"},"active":{"type":"boolean"}},\
        "required":["name","count","big","ratio","active"],"additionalProperties":false}""");
  }

  @Test
  void enumBecomesAStringWithItsConstants() throws Exception {
    assertSchema(WithEnum.class, """
        {"type":"object","properties":{"unit":{"type":"string","enum":["CELSIUS","FAHRENHEIT"]}},\
        "required":["unit"],"additionalProperties":false}""");
    assertSchema(Unit.class, """
        {"type":"string","enum":["CELSIUS","FAHRENHEIT"]}""");
  }

  @Test
  void listsSetsAndArraysBecomeArraysOfTheirElements() throws Exception {
    assertSchema(Lists.class, """
        {"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"}},\
        "ids":{"type":"array","items":{"type":"integer"}},\
        "names":{"type":"array","items":{"type":"string"}},\
        "matrix":{"type":"array","items":{"type":"array","items":{"type":"number"}}}},\
        "required":["tags","ids","names","matrix"],"additionalProperties":false}""");
  }

  @Test
  void aTypeUsedTwiceIsDefinedOnceUnderDefs() throws Exception {
    assertSchema(Person.class, """
        {"type":"object","properties":{"name":{"type":"string"},"home":{"$ref":"#/$defs/Address"},\
        "work":{"$ref":"#/$defs/Address"}},"required":["name","home","work"],"additionalProperties":false,\
        "$defs":{"Address":{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}},\
        "required":["street","city"],"additionalProperties":false}}}""");
  }

  @Test
  void optionalAndNullableComponentsAreRequiredUnionsWithNull() throws Exception {
    assertSchema(Optionals.class, """
        {"type":"object","properties":{"nickname":{"type":["string","null"]},\
        "address":{"type":["object","null"],"properties":{"street":{"type":"string"},"city":{"type":"string"}},\
        "required":["street","city"],"additionalProperties":false},\
        "note":{"type":["string","null"]}},\
        "required":["nickname","address","note"],"additionalProperties":false}""");
  }

  @Test
  void optionalEnumAcceptsNullBesideItsConstants() throws Exception {
    assertSchema(OptionalEnum.class, """
        {"type":"object","properties":{"unit":{"anyOf":[{"type":"string","enum":["CELSIUS","FAHRENHEIT"]},\
        {"type":"null"}]}},"required":["unit"],"additionalProperties":false}""");
  }

  @Test
  void recursiveRootRefersToItselfThroughDefsAndStaysInline() throws Exception {
    assertSchema(Node.class, """
        {"type":"object","properties":{"value":{"type":"string"},\
        "children":{"type":"array","items":{"$ref":"#/$defs/Node"}}},\
        "required":["value","children"],"additionalProperties":false,\
        "$defs":{"Node":{"type":"object","properties":{"value":{"type":"string"},\
        "children":{"type":"array","items":{"$ref":"#/$defs/Node"}}},\
        "required":["value","children"],"additionalProperties":false}}}""");
  }

  @Test
  void recursiveNestedTypeIsDefinedUnderDefs() throws Exception {
    assertSchema(Tree.class, """
        {"type":"object","properties":{"root":{"$ref":"#/$defs/Leaf"}},"required":["root"],\
        "additionalProperties":false,"$defs":{"Leaf":{"type":"object","properties":{"label":{"type":"string"},\
        "next":{"anyOf":[{"$ref":"#/$defs/Leaf"},{"type":"null"}]}},"required":["label","next"],\
        "additionalProperties":false}}}""");
  }

  @Test
  void descriptionsComeFromOurAnnotationAndJacksons() throws Exception {
    assertSchema(Described.class, """
        {"type":"object","properties":{"city":{"type":"string","description":"The city"},\
        "unit":{"type":"string","description":"From Jackson"}},"required":["city","unit"],\
        "description":"A city's weather question","additionalProperties":false}""");
    assertThat(JsonSchemas.of(JacksonDescribed.class)).containsEntry("description", "Described by Jackson");
  }

  @Test
  void jacksonNamesAndIgnoredPropertiesAreHonoured() throws Exception {
    assertSchema(Renamed.class, """
        {"type":"object","properties":{"zip_code":{"type":"string"},"plain":{"type":"string"}},\
        "required":["zip_code","plain"],"additionalProperties":false}""");
  }

  @Test
  void jsonPropertyOrderComesFirst() throws Exception {
    assertThat(properties(Ordered.class)).containsExactly("b", "a", "c");
  }

  @Test
  void classContributesItsInstanceFields() throws Exception {
    assertSchema(Bean.class, """
        {"type":"object","properties":{"title":{"type":"string"},"pages":{"type":"integer"}},\
        "required":["title","pages"],"additionalProperties":false}""");
  }

  @Test
  void objectIsRefusedWithItsPath() {
    assertThatThrownBy(() -> JsonSchemas.of(Untyped.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Untyped.value is Object, which strict JSON Schema cannot describe");
  }

  @Test
  void mapIsRefusedWithItsPath() {
    assertThatThrownBy(() -> JsonSchemas.of(WithMap.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WithMap.attributes is a Map, which strict JSON Schema cannot describe: use a record, or a List"
            + " of key-value records");
  }

  @Test
  void rawTypeIsRefusedWithItsPath() {
    assertThatThrownBy(() -> JsonSchemas.of(Raw.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Raw.items is the raw type List, which strict JSON Schema cannot describe: give its type"
            + " arguments, such as List<String>");
  }

  @Test
  void nestedRefusalNamesTheWholePath() {
    assertThatThrownBy(() -> JsonSchemas.of(Trip.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Trip.stops[].notes is a Map");
  }

  @Test
  void schemaIsGeneratedOnceAndCannotBeChanged() {
    Map<String, Object> first = JsonSchemas.of(Simple.class);

    assertThat(JsonSchemas.of(Simple.class)).isSameAs(first);
    assertThatThrownBy(() -> first.put("type", "string")).isInstanceOf(UnsupportedOperationException.class);
  }

  private static void assertSchema(Class<?> type, String expected) throws Exception {
    assertThat(JSON.writeValueAsString(JsonSchemas.of(type))).isEqualTo(ServerTestBase.compact(expected));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> properties(Class<?> type) {
    return ((Map<String, Object>) JsonSchemas.of(type).get("properties")).keySet();
  }
}
