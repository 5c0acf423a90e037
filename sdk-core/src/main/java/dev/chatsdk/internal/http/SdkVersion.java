package dev.chatsdk.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the resource Maven filters at build time, and the User-Agent that names it. */
public final class SdkVersion {

  /** The version, such as {@code 0.1.0}; {@code dev} when the resource is missing or was not filtered. */
  public static final String VERSION = load();

  /** {@code chatsdk-java/<version>}. */
  public static final String USER_AGENT = "chatsdk-java/" + VERSION;

  private SdkVersion() {
  }

  private static String load() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("/dev/chatsdk/chatsdk.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      return version.isEmpty() || version.contains("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
