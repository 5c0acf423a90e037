package dev.chatsdk.buildsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.buildsupport.fixture.Square;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSignaturesTest {

  @TempDir Path dir;

  @Test
  void updateWritesTheFileThatTheCheckThenAccepts() throws Exception {
    Path file = dir.resolve("api").resolve("fixture.api");

    ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", true);
    ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", false);

    assertThat(Files.readString(file))
        .startsWith("# The public API of fixture. Generated: after an intended change, regenerate with\n"
            + "# ./mvnw -B -ntp -q test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dchatsdk.api.update=true\n\n")
        .contains("public final class dev.chatsdk.buildsupport.fixture.Square");
  }

  @Test
  void aChangedSurfaceFailsListingEachDifferentLineUnderItsType() throws Exception {
    Path file = dir.resolve("fixture.api");
    ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", true);
    Files.writeString(file, Files.readString(file)
        .replace("  public double side()\n", "  public double side(int)\n")
        .replace("  enum constant FOOT\n", ""));

    assertThatThrownBy(() -> ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("The public API of fixture differs from " + file + " (- only in the file, + only in the code):\n"
            + "  in public final class dev.chatsdk.buildsupport.fixture.Square implements "
            + "dev.chatsdk.buildsupport.fixture.Shape\n"
            + "-   public double side(int)\n"
            + "+   public double side()\n"
            + "  in public enum dev.chatsdk.buildsupport.fixture.Unit\n"
            + "+   enum constant FOOT\n"
            + "\nIf the change is intended, regenerate the file and commit it:\n"
            + ApiSignatures.REGENERATE);
  }

  @Test
  void aMissingFileFailsNamingTheCommandThatCreatesIt() throws Exception {
    Path file = dir.resolve("absent.api");

    assertThatThrownBy(() -> ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", false))
        .isInstanceOf(AssertionError.class)
        .hasMessage(file + " does not exist. Create it with:\n" + ApiSignatures.REGENERATE);
  }

  @Test
  void aFileWithWindowsLineEndsStillMatches() throws Exception {
    Path file = dir.resolve("fixture.api");
    ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", true);
    Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));

    ApiSignatures.check(Square.class, ApiDumpTest.testClasses(), file, "fixture", false);
  }
}
