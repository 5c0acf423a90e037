package dev.chatsdk.tools;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The Jackson mapper this module binds users' types with: model replies and tool arguments into records and
 * classes, tool results into JSON. Separate from the core's wire mapper, which is tuned for the wire types.
 */
final class ToolsJson {

  // Arguments and replies are validated against a schema that lists every property before they are bound, so an
  // unknown property cannot get here; floats are read as BigDecimal so that validation sees the digits sent; text
  // after the value makes the reply invalid rather than being dropped unseen.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ToolsJson() {
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
