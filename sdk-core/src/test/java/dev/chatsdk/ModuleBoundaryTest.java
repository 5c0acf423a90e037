package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's module compiled against this one by the JDK's javac: the public packages are there, the internal ones are not.
 */
class ModuleBoundaryTest {

  @TempDir
  Path dir;

  @Test
  void userModuleCompilesAgainstThePublicPackages() throws IOException {
    String diagnostics = compile("""
        package app;

        import dev.chatsdk.ChatClient;
        import dev.chatsdk.ChatJson;
        import dev.chatsdk.model.ChatCompletionRequest;
        import dev.chatsdk.model.Message;

        public final class Main {
          public static String body() {
            ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("m").addMessage(Message.user("hi")).build();
            ChatClient.Builder builder = ChatClient.builder().baseUrl("http://localhost:8080/v1");
            return ChatJson.toJson(request) + builder;
          }
        }
        """);

    assertThat(diagnostics).isEmpty();
  }

  @Test
  void userModuleCannotSeeInternalPackages() throws IOException {
    String diagnostics = compile("""
        package app;

        public final class Main {
          public static Object mapper() {
            return dev.chatsdk.internal.json.Json.mapper();
          }
        }
        """);

    assertThat(diagnostics).contains("compiler.err.package.not.visible: dev.chatsdk.internal.json")
        .contains("not.exported: dev.chatsdk.internal.json, dev.chatsdk");
  }

  /** Compiles module {@code app} (requiring {@code dev.chatsdk}) with one class, and returns what javac reported. */
  private String compile(String mainSource) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/app"));
    Files.writeString(dir.resolve("src/module-info.java"), "module app { requires dev.chatsdk; }\n");
    Files.writeString(sources.resolve("Main.java"), mainSource);
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    Process process = new ProcessBuilder(javac.toString(), "-XDrawDiagnostics", "-d", dir.resolve("out").toString(),
        "--module-path", modulePath(), dir.resolve("src/module-info.java").toString(),
        sources.resolve("Main.java").toString())
        .redirectErrorStream(true)
        .start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = waitFor(process);
    assertThat(status == 0).as("javac status 0 exactly when it reported nothing: " + text).isEqualTo(text.isEmpty());
    return text;
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while javac ran", e);
    }
  }

  /** The module path of this test run, or its class path when the tests run on the class path. */
  private static String modulePath() {
    String modulePath = System.getProperty("jdk.module.path");
    String path = modulePath != null && !modulePath.isEmpty() ? modulePath : System.getProperty("java.class.path");
    List<String> entries = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      // This module's test classes are patched into it for the test run; a user compiles against the main classes.
      if (!entry.endsWith("test-classes")) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
