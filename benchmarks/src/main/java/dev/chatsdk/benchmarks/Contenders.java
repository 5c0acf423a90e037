package dev.chatsdk.benchmarks;

import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import dev.chatsdk.benchmarks.contenders.OpenAiJavaContender;
import dev.chatsdk.benchmarks.contenders.RawOkHttpContender;
import java.util.List;
import java.util.function.Function;

/** Every contender the harness measures, in table order, each built from the server's base URL. */
public final class Contenders {
  /** The floor first, then the peer, then this SDK. */
  public static final List<Function<String, Contender>> ALL =
      List.of(RawOkHttpContender::new, OpenAiJavaContender::new, ChatSdkContender::new);

  private Contenders() {}
}
