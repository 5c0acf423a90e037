package dev.chatsdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each contender's own runtime classpath, worked out from what the build left beside the harness jar: the jars copied
 * to {@code lib/} and the verbose dependency tree (omitted duplicates and conflicts included) bundled as a resource.
 * The closure of a contender's root artifacts over that graph, with every artifact at the version this module resolved,
 * is its classpath; JMH and the harness's other contenders are not on it.
 */
public final class Classpaths {
  private static final String TREE_RESOURCE = "dependency-tree.txt";

  private final Path libDirectory;
  private final Path harnessClasses;
  private final Map<String, String> jarNames = new HashMap<>();
  private final Map<String, Set<String>> children = new HashMap<>();

  private Classpaths(Path libDirectory, Path harnessClasses) {
    this.libDirectory = libDirectory;
    this.harnessClasses = harnessClasses;
  }

  /** Reads the bundled tree; the jars are expected in {@code lib/} beside the harness jar (or classes directory). */
  public static Classpaths load() {
    Path location;
    try {
      location = Path.of(Classpaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    boolean fromJar = Files.isRegularFile(location);
    // The cold-start jar holds the same classes as the harness jar without its manifest Class-Path, which would drag
    // every jar in lib/ onto a child's classpath.
    Path harnessClasses = fromJar ? location.resolveSibling("chatsdk-benchmarks-coldstart.jar") : location;
    Classpaths classpaths = new Classpaths(location.getParent().resolve("lib"), harnessClasses);
    try (InputStream tree = Classpaths.class.getResourceAsStream(TREE_RESOURCE)) {
      if (tree == null) {
        throw new IllegalStateException(TREE_RESOURCE + " missing: build with the benchmarks profile and package");
      }
      classpaths.parse(new String(tree.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classpaths;
  }

  /** Lines like {@code |  +- g:a:jar:1.0:compile} or {@code |  \- (g:a:jar:1.0:runtime - omitted for duplicate)}. */
  private void parse(String tree) {
    List<String> path = new ArrayList<>();
    for (String line : tree.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int start = 0;
      while (start < line.length() && "|+-\\ ".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      int depth = start / 3;
      boolean omitted = line.charAt(start) == '(';
      String coordinate = line.substring(omitted ? start + 1 : start).split(" ", 2)[0];
      String[] parts = coordinate.split(":");
      String artifact = parts[0] + ":" + parts[1];
      String scope = parts[parts.length - 1];
      while (path.size() > depth) {
        path.remove(path.size() - 1);
      }
      path.add(artifact);
      if (depth == 0) {
        continue;
      }
      if (scope.equals("compile") || scope.equals("runtime")) {
        children.computeIfAbsent(path.get(depth - 1), k -> new LinkedHashSet<>()).add(artifact);
      }
      if (!omitted) {
        String version = parts[parts.length - 2];
        String classifier = parts.length == 6 ? "-" + parts[3] : "";
        jarNames.put(artifact, parts[1] + "-" + version + classifier + ".jar");
      }
    }
  }

  /** The jars of the runtime closure of {@code roots}, in discovery order. */
  public List<Path> jars(List<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String artifact = pending.removeFirst();
      if (seen.add(artifact)) {
        pending.addAll(children.getOrDefault(artifact, Set.of()));
      }
    }
    List<Path> jars = new ArrayList<>();
    for (String artifact : seen) {
      String name = jarNames.get(artifact);
      if (name == null) {
        throw new IllegalArgumentException(artifact + " is not a dependency of the benchmarks module");
      }
      Path jar = libDirectory.resolve(name);
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " missing: run the package build first");
      }
      jars.add(jar);
    }
    return jars;
  }

  /** The jars of chatsdk itself (group {@code dev.chatsdk}) that this module depends on. */
  public List<Path> chatsdkJars() {
    List<String> ours = new ArrayList<>();
    for (String artifact : jarNames.keySet()) {
      if (artifact.startsWith("dev.chatsdk:")) {
        ours.add(artifact);
      }
    }
    ours.sort(null);
    List<Path> jars = new ArrayList<>();
    for (String artifact : ours) {
      jars.add(libDirectory.resolve(jarNames.get(artifact)));
    }
    return jars;
  }

  /** The classpath of a cold-start child: the harness classes, then the contender's jars. */
  public String coldStartClasspath(List<String> roots) {
    List<String> entries = new ArrayList<>();
    entries.add(harnessClasses.toString());
    for (Path jar : jars(roots)) {
      entries.add(jar.toString());
    }
    return String.join(System.getProperty("path.separator"), entries);
  }

  /** The summed size of the given jars. */
  public static long bytes(List<Path> jars) {
    long total = 0;
    for (Path jar : jars) {
      try {
        total += Files.size(jar);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }
}
