package dev.chatsdk.buildsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.buildsupport.fixture.Square;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiDumpTest {

  static Path testClasses() throws Exception {
    return Path.of(Square.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void rendersEveryPublicTypeAndMemberSortedWithGenericSignatures() throws Exception {
    assertThat(ApiDump.render(Square.class, testClasses())).isEqualTo("""
        public sealed interface dev.chatsdk.buildsupport.fixture.Shape permits \
        dev.chatsdk.buildsupport.fixture.Shape$Circle, dev.chatsdk.buildsupport.fixture.Square {
          public abstract double area()
          public default java.lang.String label()
        }

        public record dev.chatsdk.buildsupport.fixture.Shape$Circle(double radius) \
        implements dev.chatsdk.buildsupport.fixture.Shape {
          public <init>(double)
          public double area()
          public final boolean equals(java.lang.Object)
          public final int hashCode()
          public double radius()
          public final java.lang.String toString()
        }

        public final class dev.chatsdk.buildsupport.fixture.Square implements dev.chatsdk.buildsupport.fixture.Shape {
          public static final java.lang.String UNIT
          protected final double side
          public <init>(double)
          public double area()
          public java.util.Map$Entry<java.lang.String, int[]>[] entries() throws java.io.IOException
          public double side()
          public static <T extends java.lang.Comparable<? super T>> java.util.List<T> \
        sorted(java.util.Collection<? extends T>, T...)
        }

        public enum dev.chatsdk.buildsupport.fixture.Unit {
          enum constant FOOT
          enum constant METRE
          public static dev.chatsdk.buildsupport.fixture.Unit valueOf(java.lang.String)
          public static dev.chatsdk.buildsupport.fixture.Unit[] values()
        }

        public @interface dev.chatsdk.buildsupport.fixture.Unit$Marker {
          public abstract java.lang.String value()
        }

        """);
  }

  @Test
  void leavesOutPublicTypesOfInternalPackages() throws Exception {
    assertThat(ApiDump.render(Square.class, testClasses())).doesNotContain("Hidden");
  }

  @Test
  void showsThePublicMembersOfANonPublicSuperclassButNotTheClass() throws Exception {
    assertThat(ApiDump.render(Square.class, testClasses()))
        .contains("  public double side()\n")
        .doesNotContain("Base");
  }
}
