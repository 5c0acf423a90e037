package dev.chatsdk.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool the model may call, for {@link ToolBox.Builder#addMethods(Object)}. The method's parameters
 * become the properties of the arguments object, named by {@code @JsonProperty} on the parameter or else by the
 * parameter's name (which needs the {@code -parameters} compiler flag), and described by {@link Description}. Its
 * return value becomes the tool message's text, as {@link ToolBox} says.
 *
 * <pre>{@code
 * @ToolFunction(description = "Get the current weather in a city")
 * String getWeather(@Description("The city, such as Paris") String location) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolFunction {

  /** The tool's name; the method's name when empty. */
  String name() default "";

  /** What the tool does, which helps the model decide when to call it. */
  String description();
}
