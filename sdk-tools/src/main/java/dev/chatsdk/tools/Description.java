package dev.chatsdk.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a type, a record component, a field or a tool method's parameter to the model: the text becomes the
 * {@code description} of its JSON Schema. Jackson's {@code @JsonPropertyDescription} and {@code @JsonClassDescription}
 * are read as well; where both are present this one wins.
 *
 * <pre>{@code
 * @Description("The arguments of get_weather")
 * record WeatherQuery(@Description("The city, such as Paris") String location, Unit unit) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
    ElementType.PARAMETER})
public @interface Description {

  /** The description. */
  String value();
}
