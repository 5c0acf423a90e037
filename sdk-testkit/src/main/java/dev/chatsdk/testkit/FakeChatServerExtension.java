package dev.chatsdk.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that starts a {@link FakeChatServer}, injects it as a parameter and closes it when its
 * scope ends.
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
 * @AfterEach} method, each test gets a fresh server (the same one in all three), closed after the test. In a {@code
 * @BeforeAll} method (or a constructor with {@code @TestInstance(PER_CLASS)}) the whole class shares one server,
 * closed after the class, and its tests get that one.
 *
 * <p>JUnit is an optional dependency of the test kit: add {@code junit-jupiter-api} to use this class. The extension
 * uses only store methods that JUnit 5 and 6 both have.
 */
public final class FakeChatServerExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeChatServerExtension.class);

  /** The extension JUnit creates for {@code @ExtendWith(FakeChatServerExtension.class)}. */
  public FakeChatServerExtension() {
  }

  /** Whether a parameter is a {@link FakeChatServer}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeChatServer.class;
  }

  /** The server of the nearest scope that has one, else a new one started for {@code context}. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    // A store looks a key up in its ancestors too, so a test finds its class's server before starting its own.
    FakeChatServer server = store.get(FakeChatServer.class, FakeChatServer.class);
    if (server == null) {
      server = FakeChatServer.start();
      store.put(FakeChatServer.class, server);
    }
    return server;
  }

  /** Closes the server this test started, if it started one. */
  @Override
  public void afterEach(ExtensionContext context) {
    closeOwn(context);
  }

  /** Closes the server the class shares, if it has one. */
  @Override
  public void afterAll(ExtensionContext context) {
    closeOwn(context);
  }

  private static void closeOwn(ExtensionContext context) {
    // remove() takes from this context's own store only: a test never closes its class's server.
    FakeChatServer server = context.getStore(NAMESPACE).remove(FakeChatServer.class, FakeChatServer.class);
    if (server != null) {
      server.close();
    }
  }
}
