package dev.chatsdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ApiException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.Durations;
import dev.chatsdk.internal.http.ErrorParser;
import dev.chatsdk.internal.http.RetryAfter;
import dev.chatsdk.internal.http.RetryPlan;
import dev.chatsdk.internal.http.TransportConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPlanTest {

  private static RetryPlan plan(TransportConfig config) {
    return new RetryPlan(config, RequestOptions.none(), false, false);
  }

  private static RetryPlan.Failure connectionFailure() {
    return RetryPlan.Failure.of(new ConnectionException("refused", null), true);
  }

  private static RetryPlan.Failure loading(Double estimatedSeconds) {
    String estimate = estimatedSeconds == null ? "" : ", \"estimated_time\": " + estimatedSeconds;
    ApiException e = ErrorParser.toException(503, "", Headers.of(),
        ("{\"error\": \"Model m is currently loading\"" + estimate + "}").getBytes());
    return RetryPlan.Failure.of(e, Headers.of());
  }

  @Test
  void backoffDoublesFromHalfASecondToACapOfEightSeconds() {
    RetryPlan plan = plan(TransportConfig.builder().maxRetries(7).random(fixed(0)).build());

    assertThat(plan.next(connectionFailure())).contains(Duration.ofMillis(500));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofSeconds(1));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofSeconds(2));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofSeconds(4));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofSeconds(8));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofSeconds(8));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofSeconds(8));
    assertThat(plan.next(connectionFailure())).isEmpty();
  }

  @Test
  void jitterTakesOffUpToAQuarter() {
    RetryPlan plan = plan(TransportConfig.builder().random(fixed(0.999_999)).build());

    assertThat(plan.next(connectionFailure())).contains(Duration.ofMillis(375));
    assertThat(plan.next(connectionFailure())).contains(Duration.ofMillis(750));
  }

  @Test
  void finalFailureCarriesTheEarlierOnesAsSuppressed() {
    RetryPlan plan = plan(TransportConfig.builder().maxRetries(1).build());
    RetryPlan.Failure first = connectionFailure();
    RetryPlan.Failure last = connectionFailure();

    plan.next(first);
    assertThat(plan.next(last)).isEmpty();

    assertThat(last.exception().getSuppressed()).containsExactly(first.exception());
  }

  @Test
  void modelLoadingWaitIsTheEstimatePlusAMinute() {
    RetryPlan plan = plan(TransportConfig.builder().retryOnModelLoading(true)
        .readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofMinutes(2)).build());

    assertThat(plan.next(loading(20.0))).contains(Duration.ZERO);

    assertThat(plan.waitForModel()).isTrue();
    assertThat(plan.readTimeout()).isEqualTo(Duration.ofSeconds(80));
    assertThat(plan.callTimeout()).isEqualTo(Duration.ofSeconds(200));
    assertThat(plan.next(loading(20.0))).isEmpty();
  }

  @Test
  void modelLoadingWaitIsCappedAtFiveMinutes() {
    RetryPlan plan = plan(TransportConfig.builder().retryOnModelLoading(true).build());

    plan.next(loading(3600.0));

    assertThat(plan.readTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void modelLoadingWithoutAnEstimateWaitsTheCap() {
    RetryPlan plan = plan(TransportConfig.builder().retryOnModelLoading(true).build());

    assertThat(loading(null).exception()).isInstanceOf(ModelLoadingException.class);
    plan.next(loading(null));

    assertThat(plan.readTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void longerConfiguredReadTimeoutIsKeptForTheModelLoadingRetry() {
    RetryPlan plan = plan(TransportConfig.builder().retryOnModelLoading(true)
        .readTimeout(Duration.ofMinutes(20)).build());

    plan.next(loading(1.0));

    assertThat(plan.readTimeout()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void streamsRunWithoutACallTimeout() {
    RetryPlan plan = new RetryPlan(TransportConfig.defaults(), RequestOptions.none(), true, false);

    assertThat(plan.callTimeout()).isZero();
  }

  @Test
  void retryAfterParsesEachForm() {
    Clock clock = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

    assertThat(RetryAfter.parse(Headers.of("Retry-After", "12"), clock)).contains(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse(Headers.of("Retry-After", "1.5"), clock)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse(Headers.of("retry-after-ms", "250"), clock)).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.parse(Headers.of("Retry-After", "Wed, 15 Jan 2025 10:00:30 GMT"), clock))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(Headers.of("Retry-After", "Wed, 15 Jan 2025 09:00:00 GMT"), clock))
        .contains(Duration.ZERO);
    assertThat(RetryAfter.parse(Headers.of("Retry-After", "soon"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Headers.of("Retry-After", "NaN"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Headers.of("Retry-After", "-3"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Headers.of(), clock)).isEqualTo(Optional.empty());
  }

  @Test
  void durationsPrintTheWayPeopleWriteThem() {
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.format(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofSeconds(150))).isEqualTo("2m30s");
  }

  private static Random fixed(double value) {
    return new Random() {
      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
