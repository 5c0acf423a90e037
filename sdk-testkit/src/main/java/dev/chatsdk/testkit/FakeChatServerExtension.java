package dev.chatsdk.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that starts a {@link FakeChatServer} and injects it as a parameter; JUnit closes it when
 * its scope ends.
 *
 * <pre>{@code
 * @ExtendWith(FakeChatServerExtension.class)
 * class WeatherAssistantTest {
 *   @Test
 *   void asksForTheWeather(FakeChatServer server) { ... }
 * }
 * }</pre>
 *
 * <p>The scope is where the parameter is first asked for. In a test method, or a {@code @BeforeEach} or {@code
 * @AfterEach} method, each test gets a fresh server (the same one in all three). In a {@code @BeforeAll} method, or a
 * constructor with {@code @TestInstance(PER_CLASS)}, the whole class shares one server, and its tests get that one.
 *
 * <p>JUnit is an optional dependency of the test kit: add {@code junit-jupiter-api} to use this class.
 */
public final class FakeChatServerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeChatServerExtension.class);

  /** Whether a parameter is a {@link FakeChatServer}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeChatServer.class;
  }

  /** The server of the nearest scope that has one, else a new one started for {@code context}. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Stores look a key up in their ancestors too, so a test finds its class's server before starting its own. The
    // store closes the server (an AutoCloseable) when the scope ends.
    return context.getStore(NAMESPACE)
        .computeIfAbsent(FakeChatServer.class, key -> FakeChatServer.start(), FakeChatServer.class);
  }
}
