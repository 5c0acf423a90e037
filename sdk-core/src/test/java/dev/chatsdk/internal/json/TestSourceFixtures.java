package dev.chatsdk.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every JSON payload written in this module's tests, read from their sources, so that a differential test covers each
 * fixture a test adds without being told about it: the {@code data:} lines of SSE text, the lines and whole literals
 * that start with a brace.
 */
final class TestSourceFixtures {

  private static final Path TEST_SOURCES = Path.of("src", "test", "java");
  private static final String DELIMITER = "\"\"\"";
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  private TestSourceFixtures() {
  }

  /** The payloads, each once, in the order the sources are listed. */
  static List<String> payloads() {
    Set<String> payloads = new LinkedHashSet<>();
    for (Path source : sources()) {
      StringBuilder outsideTextBlocks = new StringBuilder();
      String code = read(source);
      int from = 0;
      for (int open = code.indexOf(DELIMITER); open != -1; open = code.indexOf(DELIMITER, from)) {
        int contentStart = code.indexOf('\n', open) + 1;
        int close = closingDelimiter(code, contentStart);
        // What javac makes of a text block: line ends as LF, incidental indentation stripped, then escapes.
        String content = code.substring(contentStart, close).replace("\r\n", "\n");
        addPayloads(payloads, content.stripIndent().translateEscapes());
        outsideTextBlocks.append(code, from, open);
        from = close + DELIMITER.length();
      }
      outsideTextBlocks.append(code, from, code.length());
      Matcher strings = STRING_LITERAL.matcher(outsideTextBlocks);
      while (strings.find()) {
        try {
          addPayloads(payloads, strings.group(1).translateEscapes());
        } catch (IllegalArgumentException notAStringLiteral) {
          // A quote inside a char literal or a comment started the match: not a fixture.
        }
      }
    }
    return List.copyOf(payloads);
  }

  /** Where the text block whose content starts at {@code from} ends: its first unescaped closing delimiter. */
  private static int closingDelimiter(String code, int from) {
    int close = code.indexOf(DELIMITER, from);
    while (code.charAt(close - 1) == '\\') {
      close = code.indexOf(DELIMITER, close + 1);
    }
    return close;
  }

  private static void addPayloads(Set<String> payloads, String literal) {
    if (literal.strip().startsWith("{")) {
      payloads.add(literal);
    }
    for (String line : literal.split("\n")) {
      if (line.startsWith("data:")) {
        String data = line.substring("data:".length());
        payloads.add(data.startsWith(" ") ? data.substring(1) : data);
      } else if (line.strip().startsWith("{")) {
        payloads.add(line);
      }
    }
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
