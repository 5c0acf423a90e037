package dev.chatsdk.buildsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The lines two texts do not share, in order, as {@code - line} and {@code + line}, each under its type. */
final class LineDiff {

  private LineDiff() {}

  static String of(String expected, String actual) {
    List<String> a = Arrays.asList(expected.split("\n", -1));
    List<String> b = Arrays.asList(actual.split("\n", -1));
    // Trim what both share at either end, so the quadratic table below covers only the changed region.
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    int n = endA - start;
    int m = endB - start;
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = a.get(start + i).equals(b.get(start + j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    String[] header = {lastHeader(a, start)};
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(start + i).equals(b.get(start + j))) {
        header[0] = headerOf(a.get(start + i), header[0]);
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        emit(out, header, "- ", a.get(start + i));
        i++;
      } else {
        emit(out, header, "+ ", b.get(start + j));
        j++;
      }
    }
    return String.join("\n", out) + "\n";
  }

  private static void emit(List<String> out, String[] header, String sign, String line) {
    if (header[0] != null && !line.endsWith("{")) {
      out.add("  in " + header[0]);
      header[0] = null;
    }
    out.add(sign + line);
  }

  private static String headerOf(String line, String current) {
    if (line.equals("}")) {
      return null;
    }
    return line.endsWith(" {") ? line.substring(0, line.length() - 2) : current;
  }

  private static String lastHeader(List<String> lines, int before) {
    String header = null;
    for (int k = 0; k < before; k++) {
      header = headerOf(lines.get(k), header);
    }
    return header;
  }
}
