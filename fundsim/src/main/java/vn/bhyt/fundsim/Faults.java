package vn.bhyt.fundsim;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The faults the simulated fund injects, as configuration or through the admin endpoint (JSON of
 * the same fields). Rates are fractions from 0 to 1 drawn from the fund's seeded random source.
 *
 * @param latency delay before answering, per endpoint (the last path segment, e.g. {@code
 *     KQNhanLichSuKCB2019}, or {@code *} for every endpoint)
 * @param errorRate share of calls answered with HTTP {@code errorStatus} (500 or 503) unprocessed
 * @param timeoutRate share of calls held for {@code timeoutHold}, then closed without an answer
 * @param dropAfterTakeRate share of claim submissions stored, then closed without an answer
 * @param tokenLifetime how long tokens really live, shorter than {@code expires_in} announces; null
 *     for their full term
 * @param down an outage now: every call is refused ({@code outageMode})
 * @param outages outage windows
 * @param outageMode {@code 503} to answer HTTP 503, {@code close} to close the connection
 *     unanswered
 * @param rateLimit calls per account per {@code ratePeriod} (0: no limit); over it the fund answers
 *     {@code maKetQua} {@code 500}
 * @param locked whether the account is locked (login answers {@code 403})
 */
public record Faults(
    Map<String, Duration> latency,
    double errorRate,
    int errorStatus,
    double timeoutRate,
    Duration timeoutHold,
    double dropAfterTakeRate,
    @Nullable Duration tokenLifetime,
    boolean down,
    List<Outage> outages,
    String outageMode,
    int rateLimit,
    Duration ratePeriod,
    boolean locked) {

  /** An outage window, {@code from} inclusive, {@code to} exclusive. */
  public record Outage(Instant from, Instant to) {}

  public Faults {
    latency = latency == null ? Map.of() : Map.copyOf(latency);
    outages = outages == null ? List.of() : List.copyOf(outages);
    if (errorStatus == 0) {
      errorStatus = 503;
    }
    if (errorStatus != 500 && errorStatus != 503) {
      throw new IllegalArgumentException("errorStatus: " + errorStatus + " (expected: 500 or 503)");
    }
    timeoutHold = timeoutHold == null ? Duration.ofSeconds(60) : timeoutHold;
    outageMode = outageMode == null ? "503" : outageMode;
    if (!outageMode.equals("503") && !outageMode.equals("close")) {
      throw new IllegalArgumentException("outageMode: expected 503 or close");
    }
    ratePeriod = ratePeriod == null ? Duration.ofSeconds(1) : ratePeriod;
    for (double rate : new double[] {errorRate, timeoutRate, dropAfterTakeRate}) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rate: " + rate + " (expected: 0 to 1)");
      }
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rateLimit: " + rateLimit + " (expected: >= 0)");
    }
  }

  /** No faults. */
  public static Faults none() {
    return new Faults(
        Map.of(),
        0,
        503,
        0,
        Duration.ofSeconds(60),
        0,
        null,
        false,
        List.of(),
        "503",
        0,
        Duration.ofSeconds(1),
        false);
  }

  public Faults withLatency(String endpoint, Duration delay) {
    Map<String, Duration> m = new java.util.HashMap<>(latency);
    m.put(endpoint, delay);
    return new Faults(
        m,
        errorRate,
        errorStatus,
        timeoutRate,
        timeoutHold,
        dropAfterTakeRate,
        tokenLifetime,
        down,
        outages,
        outageMode,
        rateLimit,
        ratePeriod,
        locked);
  }

  public Faults withErrorRate(double rate, int status) {
    return new Faults(
        latency,
        rate,
        status,
        timeoutRate,
        timeoutHold,
        dropAfterTakeRate,
        tokenLifetime,
        down,
        outages,
        outageMode,
        rateLimit,
        ratePeriod,
        locked);
  }

  public Faults withTimeouts(double rate, Duration hold) {
    return new Faults(
        latency,
        errorRate,
        errorStatus,
        rate,
        hold,
        dropAfterTakeRate,
        tokenLifetime,
        down,
        outages,
        outageMode,
        rateLimit,
        ratePeriod,
        locked);
  }

  public Faults withDropAfterTake(double rate) {
    return new Faults(
        latency,
        errorRate,
        errorStatus,
        timeoutRate,
        timeoutHold,
        rate,
        tokenLifetime,
        down,
        outages,
        outageMode,
        rateLimit,
        ratePeriod,
        locked);
  }

  public Faults withTokenLifetime(@Nullable Duration lifetime) {
    return new Faults(
        latency,
        errorRate,
        errorStatus,
        timeoutRate,
        timeoutHold,
        dropAfterTakeRate,
        lifetime,
        down,
        outages,
        outageMode,
        rateLimit,
        ratePeriod,
        locked);
  }

  public Faults withOutage(boolean now, List<Outage> windows, String mode) {
    return new Faults(
        latency,
        errorRate,
        errorStatus,
        timeoutRate,
        timeoutHold,
        dropAfterTakeRate,
        tokenLifetime,
        now,
        windows,
        mode,
        rateLimit,
        ratePeriod,
        locked);
  }

  public Faults withRateLimit(int calls, Duration period) {
    return new Faults(
        latency,
        errorRate,
        errorStatus,
        timeoutRate,
        timeoutHold,
        dropAfterTakeRate,
        tokenLifetime,
        down,
        outages,
        outageMode,
        calls,
        period,
        locked);
  }

  public Faults withLocked(boolean value) {
    return new Faults(
        latency,
        errorRate,
        errorStatus,
        timeoutRate,
        timeoutHold,
        dropAfterTakeRate,
        tokenLifetime,
        down,
        outages,
        outageMode,
        rateLimit,
        ratePeriod,
        value);
  }

  /**
   * Reads faults from JSON; absent fields take their defaults.
   *
   * @throws IOException when it is not JSON of these fields
   * @throws IllegalArgumentException for a value out of range
   */
  public static Faults fromJson(String json) throws IOException {
    try {
      return Exchange.MAPPER.readValue(json, Faults.class);
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw e;
    }
  }

  /** Whether the fund is out at that instant. */
  boolean outAt(Instant now) {
    return down || outages.stream().anyMatch(o -> !now.isBefore(o.from()) && now.isBefore(o.to()));
  }

  Duration latencyOf(String endpoint) {
    Duration d = latency.get(endpoint);
    return d != null ? d : latency.getOrDefault("*", Duration.ZERO);
  }
}
