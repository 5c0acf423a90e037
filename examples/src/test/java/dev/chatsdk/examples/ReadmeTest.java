package dev.chatsdk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: its Java snippets are copied from the examples (so they compile and run), and the
 * commands it gives name programs that exist.
 */
class ReadmeTest {
    // Surefire runs in the module's directory; the README is at the repository root.
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "chatsdk", "examples");
    private static final Path TESTS = Path.of("src", "test", "java", "dev", "chatsdk", "examples");

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FILE_NAME = Pattern.compile("`([A-Z]\\w*\\.java)`");
    private static final Pattern EXAMPLE = Pattern.compile("-Dexample=(\\w+)");
    // The first cell of each row of the table under "| `-Dexample=` |".
    private static final Pattern EXAMPLE_TABLE = Pattern.compile("\n\\| `-Dexample=` \\|.*?\n\n", Pattern.DOTALL);
    private static final Pattern TABLE_EXAMPLE = Pattern.compile("^\\| `(\\w+)`", Pattern.MULTILINE);
    // What the examples declare: their classes (helpers such as a Flow.Subscriber; a record or an enum is the user's
    // own data, which a snippet may use), and their methods (with a modifier, or a capitalized return type).
    private static final Pattern HELPER_TYPE = Pattern.compile("\\b(?:class|interface)\\s+([A-Z]\\w*)");
    private static final Pattern DECLARED_TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    private static final Pattern DECLARED_METHOD = Pattern.compile(
            "(?m)^\\s*(?:(?:(?:public|protected|private|static|final)\\s+)+[\\w<>\\[\\],.? ]+|[A-Z][\\w<>\\[\\],.? ]*)"
                    + "\\s+(\\w+)\\s*\\([^;{]*\\)\\s*(?:throws [\\w., ]+)?\\{");
    // A capitalized name that is not nested in another (ChatCompletionRequest.Builder is the API's, not an example's).
    private static final Pattern WORD = Pattern.compile("(?<![\\w.])[A-Z]\\w*\\b");
    // A call not preceded by a receiver (".x(", "::x", "new X(").
    private static final Pattern UNQUALIFIED_CALL = Pattern.compile("(?<![\\w.:]|new )\\b(\\w+)\\s*\\(");

    @Test
    void everyJavaSnippetIsCopiedFromTheFileNamedBeforeIt() throws IOException {
        String readme = readme();
        Matcher block = JAVA_BLOCK.matcher(readme);
        int previousEnd = 0;
        List<String> snippets = new ArrayList<>();
        while (block.find()) {
            String snippet = block.group(1);
            String before = readme.substring(previousEnd, block.start());
            previousEnd = block.end();
            snippets.add(snippet);

            Matcher names = FILE_NAME.matcher(before);
            String file = null;
            while (names.find()) {
                file = names.group(1);
            }
            assertThat(file).as("the file this snippet comes from, named in the text before it:%n%s", snippet)
                    .isNotNull();
            assertThat(contains(source(file), snippet))
                    .as("%s holds this README snippet, indentation aside:%n%s", file, snippet)
                    .isTrue();
        }
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void snippetsUseOnlyThePublicApiNeverAnExamplesOwnTypesOrMethods() throws IOException {
        Set<String> types = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        for (Path directory : List.of(SOURCES, TESTS)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file, UTF_8);
                    HELPER_TYPE.matcher(source).results().forEach(match -> types.add(match.group(1)));
                    DECLARED_METHOD.matcher(source).results().forEach(match -> methods.add(match.group(1)));
                }
            }
        }
        assertThat(types).contains("Async", "ExampleConfig");
        assertThat(methods).contains("run", "readLine");

        // What the README itself shows a reader how to write is theirs to use in later snippets.
        List<String> snippets = JAVA_BLOCK.matcher(readme()).results().map(match -> match.group(1)).toList();
        Set<String> shown = new TreeSet<>();
        for (String snippet : snippets) {
            DECLARED_TYPE.matcher(snippet).results().forEach(match -> shown.add(match.group(1)));
            DECLARED_METHOD.matcher(snippet).results().forEach(match -> shown.add(match.group(1)));
        }
        for (String snippet : snippets) {
            List<String> used = new ArrayList<>();
            WORD.matcher(snippet).results().map(match -> match.group()).filter(types::contains).forEach(used::add);
            UNQUALIFIED_CALL.matcher(snippet).results().map(match -> match.group(1)).filter(methods::contains)
                    .forEach(used::add);
            used.removeAll(shown);
            assertThat(used).as("names only an example declares, in this README snippet:%n%s", snippet).isEmpty();
        }
    }

    @Test
    void everyExampleTheReadmeNamesIsAProgram() throws IOException {
        String readme = readme();
        List<String> named = Stream.concat(EXAMPLE.matcher(readme).results(), exampleTable(readme).results())
                .map(match -> match.group(1))
                .distinct()
                .toList();

        assertThat(named).contains("QuickStart", "Streaming", "ChatRepl", "DemoServer");
        for (String name : named) {
            assertThat(hasMain(name)).as("dev.chatsdk.examples.%s has a main method", name).isTrue();
        }
    }

    @Test
    void everyProgramIsInTheReadmeTable() throws IOException {
        List<String> inTable = exampleTable(readme()).results().map(match -> match.group(1)).toList();
        List<String> programs;
        try (Stream<Path> files = Files.list(SOURCES)) {
            programs = files.map(path -> path.getFileName().toString().replace(".java", ""))
                    .filter(ReadmeTest::hasMain)
                    .filter(name -> !name.equals("DemoServer"))
                    .collect(Collectors.toList());
        }

        assertThat(inTable).containsAll(programs);
    }

    @Test
    void theTestCommandIsTheOneCiRuns() throws IOException {
        String command = "scripts/verify-both-jdks.sh";

        assertThat(readme()).contains("\n" + command + " ");
        assertThat(Files.readString(ROOT.resolve(".ci/run"), UTF_8)).contains("\n" + command + "\n");
        assertThat(Files.readString(ROOT.resolve(command), UTF_8))
                .contains("\nrun \"$jdk17\" -B -ntp clean verify\n", "\nrun \"$jdk25\" -B -ntp clean verify\n");
    }

    private static Matcher exampleTable(String readme) {
        Matcher table = EXAMPLE_TABLE.matcher(readme);
        assertThat(table.find()).as("the README has a table of examples").isTrue();
        return TABLE_EXAMPLE.matcher(table.group());
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), UTF_8);
    }

    private static String source(String file) throws IOException {
        Path main = SOURCES.resolve(file);
        return Files.readString(Files.exists(main) ? main : TESTS.resolve(file), UTF_8);
    }

    /** Whether the snippet's lines appear, in order and together, among the source's lines, both stripped. */
    static boolean contains(String source, String snippet) {
        List<String> lines = source.lines().map(String::strip).toList();
        List<String> wanted = snippet.lines().map(String::strip).toList();
        return !wanted.isEmpty() && Collections.indexOfSubList(lines, wanted) >= 0;
    }

    private static boolean hasMain(String name) {
        try {
            Method main = Class.forName("dev.chatsdk.examples." + name).getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers());
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return false;
        }
    }
}
