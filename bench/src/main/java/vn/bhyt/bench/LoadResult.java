package vn.bhyt.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The outcome of the measured part of one load run.
 *
 * <p>Only requests sent and answered within the measured window count; latencies are from the
 * request's write to the end of its response. Errors (failed connects, resets, malformed responses)
 * and timeouts are those detected within the window.
 *
 * @param requests responses received, whatever their status
 * @param duration length of the measured window
 * @param requestsPerSecond {@code requests} divided by {@code duration}
 * @param p50Ms median latency in milliseconds
 * @param p90Ms 90th percentile latency in milliseconds
 * @param p99Ms 99th percentile latency in milliseconds
 * @param p999Ms 99.9th percentile latency in milliseconds
 * @param maxMs highest latency in milliseconds
 * @param statusCounts responses by status code, in code order
 * @param errors requests or connects that failed other than by timeout
 * @param timeouts requests without a complete response within the request timeout
 * @param cpu CPU time this JVM and its child processes used over the measured window (the load
 *     driver's share included), or null when not measured
 * @param childCpu the part of {@code cpu} used by child processes (a throwaway database), or null
 */
public record LoadResult(
    long requests,
    Duration duration,
    double requestsPerSecond,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    Map<Integer, Long> statusCounts,
    long errors,
    long timeouts,
    Duration cpu,
    Duration childCpu) {

  /** Copies the status counts into code order. */
  public LoadResult {
    Objects.requireNonNull(duration, "duration");
    statusCounts =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(statusCounts, "statusCounts")));
  }

  /** Returns the result of {@code latenciesMicros} recorded over {@code duration}. */
  public static LoadResult of(
      Histogram latenciesMicros,
      Duration duration,
      Map<Integer, Long> statusCounts,
      long errors,
      long timeouts) {
    long requests = latenciesMicros.getTotalCount();
    double seconds = duration.toNanos() / 1e9;
    return new LoadResult(
        requests,
        duration,
        seconds > 0 ? requests / seconds : 0,
        millis(latenciesMicros, 50.0),
        millis(latenciesMicros, 90.0),
        millis(latenciesMicros, 99.0),
        millis(latenciesMicros, 99.9),
        latenciesMicros.getMaxValue() / 1000.0,
        statusCounts,
        errors,
        timeouts,
        null,
        null);
  }

  /** Returns a copy with the CPU time used over the measured window, in all and by children. */
  public LoadResult withCpu(Duration used, Duration byChildren) {
    return new LoadResult(
        requests,
        duration,
        requestsPerSecond,
        p50Ms,
        p90Ms,
        p99Ms,
        p999Ms,
        maxMs,
        statusCounts,
        errors,
        timeouts,
        used,
        byChildren);
  }

  /** Returns the result on one line. */
  public String format() {
    return String.format(
            Locale.ROOT,
            "requests=%d duration=%.2fs rps=%.1f p50=%.3fms p90=%.3fms p99=%.3fms p99.9=%.3fms"
                + " max=%.3fms status=%s errors=%d timeouts=%d",
            requests,
            duration.toNanos() / 1e9,
            requestsPerSecond,
            p50Ms,
            p90Ms,
            p99Ms,
            p999Ms,
            maxMs,
            statusCounts,
            errors,
            timeouts)
        + (cpu == null || requests == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " cpu=%.0fus/request (child processes %.0fus)",
                cpu.toNanos() / 1e3 / requests,
                childCpu.toNanos() / 1e3 / requests));
  }

  @Override
  public String toString() {
    return format();
  }

  private static double millis(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }
}
