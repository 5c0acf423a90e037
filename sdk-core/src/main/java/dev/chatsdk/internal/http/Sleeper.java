package dev.chatsdk.internal.http;

import java.time.Duration;

/** Waits between synchronous retries; tests substitute one that records the wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread; an interrupt ends the wait early. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Waits for the duration, or throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
