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
  private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

  private record Key(String method, String route, int status) {}

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String method, String route, int status, long nanos) {
    Key key = new Key(method, route, status);
    Timer timer = timers.get(key);
    if (timer == null) {
      timer = register(key);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer register(Key key) {
    return timers.computeIfAbsent(
        key,
        k ->
            Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route")
                .tags(
                    "method",
                    k.method(),
                    "route",
                    k.route(),
                    "status",
                    Integer.toString(k.status()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
  }
}
