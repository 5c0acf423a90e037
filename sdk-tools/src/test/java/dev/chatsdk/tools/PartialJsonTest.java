package dev.chatsdk.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartialJsonTest {

  @Test
  void nothingYetIsNull() {
    assertThat(PartialJson.parse("")).isNull();
    assertThat(PartialJson.parse("  ")).isNull();
  }

  @Test
  void openObjectIsTakenAsClosed() {
    assertThat(PartialJson.parse("{")).isEqualTo(Map.of());
    assertThat(PartialJson.parse("{\"a\":true,")).isEqualTo(Map.of("a", true));
  }

  @Test
  void unfinishedStringGivesWhatWasWritten() {
    assertThat(PartialJson.parse("{\"city\":\"Par")).isEqualTo(Map.of("city", "Par"));
  }

  @Test
  void unfinishedKeyIsLeftOut() {
    assertThat(PartialJson.parse("{\"a\":1,\"ci")).isEqualTo(Map.of("a", 1L));
    assertThat(PartialJson.parse("{\"a\":1,\"city\"")).isEqualTo(Map.of("a", 1L));
    assertThat(PartialJson.parse("{\"a\":1,\"city\":")).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void unfinishedNumberIsLeftOutUntilSomethingFollowsIt() {
    assertThat(PartialJson.parse("{\"n\":12")).isEqualTo(Map.of());
    assertThat(PartialJson.parse("{\"n\":12.5}")).isEqualTo(Map.of("n", new BigDecimal("12.5")));
    assertThat(PartialJson.parse("{\"n\":-3,")).isEqualTo(Map.of("n", -3L));
  }

  @Test
  void unfinishedLiteralIsLeftOut() {
    assertThat(PartialJson.parse("{\"ok\":tr")).isEqualTo(Map.of());
    assertThat(PartialJson.parse("{\"ok\":null,")).isEqualTo(Collections.singletonMap("ok", null));
  }

  @Test
  void nestedValuesCloseFromTheInside() {
    assertThat(PartialJson.parse("{\"stops\":[{\"place\":\"Ro"))
        .isEqualTo(Map.of("stops", List.of(Map.of("place", "Ro"))));
    assertThat(PartialJson.parse("[1,2,[3")).isEqualTo(Arrays.asList(1L, 2L, List.of()));
  }

  @Test
  void escapesAreDecodedAndAnUnfinishedOneIsLeftOut() {
    assertThat(PartialJson.parse("{\"t\":\"a\\nb\\u00e9\\")).isEqualTo(Map.of("t", "a\nbé"));
    assertThat(PartialJson.parse("{\"t\":\"x\\u00")).isEqualTo(Map.of("t", "x"));
  }

  @Test
  void textThatIsNotJsonEndsTheReading() {
    assertThat(PartialJson.parse("{\"a\":1, oops")).isEqualTo(Map.of("a", 1L));
    assertThat(PartialJson.parse("Sure! {")).isNull();
  }
}
