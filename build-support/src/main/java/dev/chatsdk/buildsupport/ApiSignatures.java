package dev.chatsdk.buildsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The guard on a library module's public API: its signature file, {@code api/<artifactId>.api} in the module's
 * directory, must equal what {@link ApiDump} reads from the module's compiled classes.
 *
 * <p>Each library module calls {@link #verify} from a test named {@code PublicApiTest}. A change to the public
 * surface then fails that module's build, printing the difference, until the file is regenerated on purpose with
 * {@value #REGENERATE}, and the new file shows the change in review.
 */
public final class ApiSignatures {

  /** The system property that makes {@link #verify} write the files instead of comparing them. */
  public static final String UPDATE_PROPERTY = "chatsdk.api.update";

  /** The one command that regenerates every module's signature file. */
  public static final String REGENERATE = "./mvnw -B -ntp -q test -Dtest=PublicApiTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

  private ApiSignatures() {}

  /**
   * Compares the public API of the module that {@code anchor} belongs to with its signature file, and throws an
   * {@link AssertionError} listing every line that differs when they disagree. With the system property
   * {@value #UPDATE_PROPERTY} set to {@code true}, writes the file instead.
   *
   * @param anchor a class of the module or of its tests (in the module's package, so that on the module path it
   *     is patched into the module), by which the class directory and the module descriptor are found
   * @param artifactId the module's artifact id, which names the file
   */
  public static void verify(Class<?> anchor, String artifactId) {
    Path classes = classesOf(anchor);
    // target/classes -> the module directory
    Path file = classes.getParent().getParent().resolve("api").resolve(artifactId + ".api");
    check(anchor, classes, file, artifactId, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  static void check(Class<?> anchor, Path classes, Path file, String artifactId, boolean update) {
    String actual = "# The public API of " + artifactId + ". Generated: after an intended change, regenerate with\n# "
        + REGENERATE + "\n\n" + ApiDump.render(anchor, classes);
    try {
      if (update) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError(file + " does not exist. Create it with:\n" + REGENERATE);
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!expected.equals(actual)) {
        throw new AssertionError("The public API of " + artifactId + " differs from " + file
            + " (- only in the file, + only in the code):\n" + LineDiff.of(expected, actual)
            + "\nIf the change is intended, regenerate the file and commit it:\n" + REGENERATE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** The module's main class directory: where {@code anchor} came from, or beside it for a test class. */
  private static Path classesOf(Class<?> anchor) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.getFileName().toString().equals("test-classes")) {
        location = location.resolveSibling("classes");
      }
      if (!Files.isDirectory(location)) {
        throw new IllegalStateException(anchor.getName() + " was loaded from " + location
            + ", not from a class directory: run the check in the module's own build");
      }
      return location;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the classes of " + anchor.getName(), e);
    }
  }
}
