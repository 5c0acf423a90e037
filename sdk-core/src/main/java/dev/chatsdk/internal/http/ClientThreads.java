package dev.chatsdk.internal.http;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The threads of the clients this SDK creates: none of them keeps the JVM alive, and none is held per stream where the
 * JVM can avoid it.
 *
 * <p>On a JVM whose virtual threads wait in a monitor without pinning their carrier (JDK 24 and later, JEP 491), the
 * OkHttp dispatcher and the readers of {@code streamAsync} run on virtual threads, one per task. Earlier JVMs get a
 * pool of daemon platform threads that grows with the load and lets idle threads go after a minute, as OkHttp's own
 * pool does (but whose threads are daemons). JDK 21 to 23 have virtual threads, yet OkHttp's HTTP/2 streams wait for
 * data in {@code Object.wait} inside {@code synchronized}, which on those JVMs pins the carrier: a few hundred
 * HTTP/2 streams would hold every carrier, so there the platform pool is the safer default. Virtual threads are
 * reached by reflection, looked up once: the SDK compiles for Java 17.
 */
public final class ClientThreads {

  /**
   * Async calls and streams in flight at once, in all and per host, for a client the SDK creates on a JVM whose SDK
   * threads are platform threads: each call waiting for its response headers holds one.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;

  /**
   * The same where the SDK's threads are virtual: a call waiting for its headers then holds a socket and a virtual
   * thread of a few kilobytes, so the limit only stops a runaway flood, and a burst of a thousand streams starting at
   * once does not queue behind the first ones' connection set-up.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS_VIRTUAL = 2048;

  /** How long an idle connection of a client the SDK creates stays in its pool (OkHttp's own default). */
  static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

  /**
   * The fewest idle connections the pool of a client the SDK creates keeps. A stream counts against
   * {@code maxConcurrentRequests} only until its headers arrive, so more streams than that can be open at once, each on
   * its own HTTP/1.1 connection.
   */
  static final int MIN_IDLE_CONNECTIONS = 2048;

  /** The first feature release whose virtual threads do not pin their carrier in a monitor (JEP 491). */
  static final int FIRST_UNPINNED_RELEASE = 24;

  /** {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(...).factory())}, or null to use none. */
  private static final Supplier<ExecutorService> VIRTUAL = Runtime.version().feature() >= FIRST_UNPINNED_RELEASE
      ? virtualExecutors()
      : null;

  private ClientThreads() {
  }

  /** Whether this JVM runs the SDK's threads as virtual threads. */
  public static boolean virtual() {
    return VIRTUAL != null;
  }

  /** The default number of async calls and streams in flight at once, for this JVM. */
  public static int defaultMaxConcurrentRequests() {
    return virtual() ? DEFAULT_MAX_CONCURRENT_REQUESTS_VIRTUAL : DEFAULT_MAX_CONCURRENT_REQUESTS;
  }

  /**
   * A new OkHttp client whose dispatcher runs calls on {@link #newExecutor(String)} threads and allows
   * {@code maxConcurrentRequests} calls at once, in all and to one host (OkHttp's own default of 5 per host would
   * queue the 6th concurrent call to a chat backend), and whose pool keeps as many idle connections as that, and at
   * least {@value #MIN_IDLE_CONNECTIONS}, for {@link #KEEP_ALIVE}. OkHttp's own pool keeps 5: after a burst of concurrent streams to an HTTP/1.1 server (vLLM,
   * TGI, llama.cpp, Ollama), every other connection would be closed and the next burst would open them again, TCP and
   * TLS handshakes included.
   */
  public static OkHttpClient newOkHttpClient(int maxConcurrentRequests) {
    Dispatcher dispatcher = new Dispatcher(newExecutor("chatsdk-dispatcher-"));
    dispatcher.setMaxRequests(maxConcurrentRequests);
    dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.max(maxConcurrentRequests, MIN_IDLE_CONNECTIONS), KEEP_ALIVE.toMillis(),
            TimeUnit.MILLISECONDS))
        .build();
  }

  /**
   * A new executor that starts a thread per task or reuses an idle one: a virtual thread per task where this JVM
   * allows (see the class comment), else a cached pool of daemon threads whose names start with {@code prefix}.
   * The caller owns it and shuts it down.
   */
  public static ExecutorService newExecutor(String prefix) {
    if (VIRTUAL != null) {
      return VIRTUAL.get();
    }
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Makes executors of virtual threads named {@code chatsdk-virtual-<n>}; null where the JVM has none. The lookups
   * happen once; each executor costs one reflective call.
   */
  private static Supplier<ExecutorService> virtualExecutors() {
    try {
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "chatsdk-virtual-", 0L);
      ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
      Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
      return () -> {
        try {
          return (ExecutorService) perTask.invoke(null, factory);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Executors.newThreadPerTaskExecutor failed", e);
        }
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
