package vn.bhyt.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/** Request counts and latency histograms per route, method and status. */
final class HttpMetrics {
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String method, String route, int status, long nanos) {
    String key = method + ' ' + route + ' ' + status;
    Timer timer =
        timers.computeIfAbsent(
            key,
            k ->
                Timer.builder("http.server.requests")
                    .description("HTTP requests answered, by route")
                    .tags("method", method, "route", route, "status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }
}
