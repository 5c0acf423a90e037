package dev.chatsdk.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Hugging Face's JSON Schemas in the shared folder beside the clone ({@code ../../shared/spec} from the module
 * directory in CI; one level further up from a worktree). Tests that need them are skipped when it is absent.
 */
final class SharedSpec {
  private static final Path SPEC = Path.of("shared", "spec", "hf-chat-completion");

  private SharedSpec() {
  }

  /** The schema file {@code name}, or an assumption failure (a skip) when the folder is not there. */
  static Path file(String name) {
    Path directory = Path.of("").toAbsolutePath().getParent();
    while (directory != null && !Files.isDirectory(directory.resolve(SPEC))) {
      directory = directory.getParent();
    }
    Assumptions.assumeTrue(directory != null, "the shared spec folder is not beside the clone");
    return directory.resolve(SPEC).resolve(name);
  }
}
