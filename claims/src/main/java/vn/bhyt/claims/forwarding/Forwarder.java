package vn.bhyt.claims.forwarding;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.verifier.fund.FundUnavailableException;

/**
 * Sends the outbox's pending claim versions to the fund, each exactly once, and fetches the fund's
 * assessment of those it took.
 *
 * <p>Every {@code interval} it looks for versions due and takes each by a lease ({@link
 * JdbcOutbox#take}), so that forwarders of several processes on one database share the work without
 * sending one version twice. For a version it holds, it:
 *
 * <ol>
 *   <li>makes the file once ({@link EnvelopeFile}) and keeps it: every attempt sends those bytes,
 *       so that the fund's rule for byte-identical files makes a resend no second transaction;
 *   <li>when an earlier attempt has no recorded answer (the fund failed, dropped its answer, or the
 *       process died while sending), asks the fund's look-up first: a transaction of the visit that
 *       no version of the claim recorded, taken since that attempt began, is the version's;
 *   <li>records that an attempt starts, then sends; the fund's answer is recorded under the lease's
 *       fence, so that a forwarder whose lease ran out records nothing over the next one.
 * </ol>
 *
 * A refusal ({@code 205}) is final; any other failure is tried again after an exponential backoff
 * with jitter (resilience4j's {@link IntervalFunction}), until the version has failed for longer
 * than {@code giveUpAfter}: then it is dead, for an operator to send again. At most {@code
 * inFlight} versions are worked on at once, on threads of the forwarder's own, and at most {@code
 * ratePerSecond} files a second go to the fund (resilience4j's {@link RateLimiter}).
 */
public final class Forwarder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

  /** How far the fund's clock may be behind ours when its look-up times are compared. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /**
   * A point at which the process halts at once, as if killed ({@code -Dbhyt.forwarding.halt-at=}
   * {@code file-kept}, {@code attempt-started} or {@code answered}): how tests kill a gateway
   * between making a file and recording the fund's answer. Unset, nothing halts.
   */
  private static final @Nullable String HALT_AT = System.getProperty("bhyt.forwarding.halt-at");

  private static final Duration MAX_POLL = Duration.ofHours(1);

  /**
   * How the forwarder works.
   *
   * @param interval how often it looks for versions due
   * @param giveUpAfter how long a version may keep failing before it is dead
   * @param inFlight how many versions it works on at once
   * @param ratePerSecond how many files a second it sends at most
   * @param lease how long a version it takes stays its own: longer than a send may take
   * @param firstBackoff the wait after a version's first failure; doubled after each
   */
  public record Settings(
      Duration interval,
      Duration giveUpAfter,
      int inFlight,
      int ratePerSecond,
      Duration lease,
      Duration firstBackoff) {}

  private final JdbcOutbox outbox;
  private final FundClaims fund;
  private final Settings settings;
  private final Clock clock;
  private final String owner;
  private final IntervalFunction backoff;
  private final RateLimiter rate;
  private final Semaphore slots;
  private final ScheduledExecutorService loop;
  private final ExecutorService workers;
  private final Counter taken;
  private final Counter refusedCount;
  private final Counter failedCount;
  private final Counter reconciled;
  private final Counter deadCount;
  private final Counter assessedCount;
  private final Map<ForwardingState, AtomicLong> depth = new EnumMap<>(ForwardingState.class);
  private final AtomicLong oldestPendingSeconds = new AtomicLong();

  /**
   * @param clock the facility's clock: its zone is the day a file is made on
   */
  public Forwarder(
      JdbcOutbox outbox, FundClaims fund, Settings settings, Clock clock, MeterRegistry metrics) {
    this.outbox = outbox;
    this.fund = fund;
    this.settings = settings;
    this.clock = clock;
    this.owner = owner();
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), 2.0, 0.5, MAX_BACKOFF);
    this.rate =
        RateLimiter.of(
            "fund-claims",
            RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(1))
                .build());
    this.slots = new Semaphore(settings.inFlight());
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "forwarder");
              t.setDaemon(true);
              return t;
            });
    this.workers =
        Executors.newFixedThreadPool(
            settings.inFlight(),
            r -> {
              Thread t = new Thread(r, "forwarder-send");
              t.setDaemon(true);
              return t;
            });
    this.taken = counter(metrics, "taken");
    this.refusedCount = counter(metrics, "refused");
    this.failedCount = counter(metrics, "failed");
    this.reconciled = counter(metrics, "reconciled");
    this.deadCount = counter(metrics, "dead");
    this.assessedCount =
        Counter.builder("forwarding.assessments")
            .description("fund assessments of claims received")
            .register(metrics);
    for (ForwardingState state : ForwardingState.values()) {
      AtomicLong n = new AtomicLong();
      depth.put(state, n);
      Gauge.builder("forwarding.queue", n, Number::doubleValue)
          .description("claim versions in each forwarding state")
          .tag("state", state.code())
          .register(metrics);
    }
    Gauge.builder("forwarding.oldest.pending", oldestPendingSeconds, Number::doubleValue)
        .description("how long the oldest pending claim version has waited")
        .baseUnit("seconds")
        .register(metrics);
  }

  private static Counter counter(MeterRegistry metrics, String outcome) {
    return Counter.builder("forwarding.sends")
        .description("claim versions sent to the fund, by outcome")
        .tag("outcome", outcome)
        .register(metrics);
  }

  /** Who this forwarder is in the leases it takes: the process and a random part. */
  private static String owner() {
    String process = ManagementFactory.getRuntimeMXBean().getName();
    String id = UUID.randomUUID().toString().substring(0, 8);
    String owner = process + "/" + id;
    return owner.length() <= 64 ? owner : owner.substring(owner.length() - 64);
  }

  /** Starts looking for work every {@code interval}. */
  public Forwarder start() {
    long every = settings.interval().toMillis();
    loop.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    return this;
  }

  /** One look for work: sends what is due, then asks for the results that are due. */
  void round() {
    try {
      measure();
      while (dispatch(outbox.dueToSend(clock.instant(), batch()), ForwardingState.PENDING)) {
        // a full batch: more may be due
      }
      while (dispatch(outbox.dueToPoll(clock.instant(), batch()), ForwardingState.SENT)) {
        // a full batch: more may be due
      }
    } catch (SQLException | RuntimeException e) {
      log.warn(
          "forwarding round failed, trying again in {}: {}", settings.interval(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Refreshes the queue's gauges. */
  private void measure() throws SQLException {
    Map<ForwardingState, JdbcOutbox.StateCount> counts = outbox.counts();
    depth.forEach(
        (state, n) -> {
          JdbcOutbox.StateCount c = counts.get(state);
          n.set(c == null ? 0 : c.count());
        });
    JdbcOutbox.StateCount pending = counts.get(ForwardingState.PENDING);
    oldestPendingSeconds.set(
        pending == null
            ? 0
            : Math.max(0, Duration.between(pending.oldestQueuedAt(), clock.instant()).toSeconds()));
  }

  private int batch() {
    return settings.inFlight() * 8;
  }

  /**
   * Takes and works on the versions due, at most {@code inFlight} at once.
   *
   * @return whether the batch was full and at least one version was taken (more may be due)
   */
  private boolean dispatch(List<JdbcOutbox.Due> due, ForwardingState state)
      throws SQLException, InterruptedException {
    int took = 0;
    for (JdbcOutbox.Due d : due) {
      if (loop.isShutdown()) {
        return false;
      }
      slots.acquire();
      Instant now = clock.instant();
      Optional<Lease> lease;
      try {
        lease = outbox.take(d, state, owner, now, now.plus(settings.lease()));
      } catch (SQLException | RuntimeException e) {
        slots.release();
        throw e;
      }
      if (lease.isEmpty()) {
        slots.release();
        continue;
      }
      took++;
      Lease l = lease.get();
      workers.execute(
          () -> {
            try {
              if (state == ForwardingState.PENDING) {
                send(l);
              } else {
                poll(l);
              }
            } catch (SQLException | RuntimeException e) {
              log.warn("forwarding {} failed, its lease runs out: {}", l, e.toString());
            } finally {
              slots.release();
            }
          });
    }
    return took > 0 && due.size() >= batch();
  }

  /** Sends a version it holds, or finds that the fund holds it already. */
  void send(Lease lease) throws SQLException {
    byte[] file = lease.file();
    if (file == null) {
      file = file(lease);
      if (file == null) {
        return;
      }
    }
    halt("file-kept");
    if (lease.unanswered() && reconcile(lease)) {
      return;
    }
    if (!rate.acquirePermission()) {
      outbox.release(lease); // over the rate: the next round sends it
      return;
    }
    if (!outbox.startAttempt(lease, clock.instant())) {
      return;
    }
    halt("attempt-started");
    FundClaims.Submitted answer;
    try {
      answer = fund.submit(lease.facility(), file).join();
    } catch (CompletionException e) {
      failure(lease, e.getCause() == null ? e : e.getCause(), lease.attempts() + 1);
      return;
    }
    halt("answered");
    Instant now = clock.instant();
    if (answer instanceof FundClaims.Taken t) {
      if (outbox.sent(
          lease, t.transactionId(), t.receivedAt(), now, now.plus(settings.interval()))) {
        taken.increment();
      }
    } else if (answer instanceof FundClaims.Refused r) {
      if (outbox.refused(
          lease, "the fund refused the file (" + r.code() + "): " + r.message(), now)) {
        refusedCount.increment();
      }
    }
  }

  private static void halt(String point) {
    if (point.equals(HALT_AT)) {
      log.warn("halting at {}, as bhyt.forwarding.halt-at asks", point);
      Runtime.getRuntime().halt(137);
    }
  }

  /** Makes the version's file and keeps it; null when it cannot go or the lease was lost. */
  private byte @Nullable [] file(Lease lease) throws SQLException {
    List<EnvelopeFile.Table> tables = outbox.tables(lease);
    byte[] made = EnvelopeFile.of(lease.facility(), LocalDate.now(clock), tables);
    if (made.length > EnvelopeFile.MAX_BYTES) {
      outbox.refused(
          lease,
          "the file is "
              + made.length
              + " bytes, over the fund's limit of "
              + EnvelopeFile.MAX_BYTES
              + "; it was not sent",
          clock.instant());
      refusedCount.increment();
      return null;
    }
    return outbox.keepFile(lease, made, clock.instant()).orElse(null);
  }

  /**
   * Asks the fund's look-up whether it took the version in an attempt whose answer was not
   * recorded.
   *
   * @return whether the version's fate is recorded (found at the fund, or the look-up failed and a
   *     retry is scheduled)
   */
  private boolean reconcile(Lease lease) throws SQLException {
    List<FundClaims.Held> held;
    try {
      held = fund.lookUp(lease.facility(), lease.maLk()).join();
    } catch (CompletionException e) {
      failure(lease, e.getCause() == null ? e : e.getCause(), lease.attempts());
      return true;
    }
    Instant since = lease.attemptStartedAt() == null ? null : lease.attemptStartedAt().minus(SKEW);
    for (FundClaims.Held h : held) {
      boolean ours =
          !lease.knownTransactions().contains(h.transactionId())
              && (since == null || h.receivedAt() == null || !h.receivedAt().isBefore(since));
      if (ours) {
        Instant now = clock.instant();
        if (outbox.sent(
            lease, h.transactionId(), h.receivedAt(), now, now.plus(settings.interval()))) {
          reconciled.increment();
          log.info("{}: the fund holds it already ({}), not sent again", lease, h.transactionId());
        }
        return true;
      }
    }
    return false;
  }

  /** Schedules the next attempt after a failure, or gives the version up. */
  private void failure(Lease lease, Throwable cause, int attempts) throws SQLException {
    Instant now = clock.instant();
    boolean maybeTaken =
        lease.unanswered()
            || !(cause instanceof FundUnavailableException f)
            || (f.reason() != FundUnavailableException.Reason.CIRCUIT_OPEN
                && f.reason() != FundUnavailableException.Reason.LOGIN_REFUSED);
    Instant firstFailure = lease.firstFailureAt() == null ? now : lease.firstFailureAt();
    boolean dead = Duration.between(firstFailure, now).compareTo(settings.giveUpAfter()) >= 0;
    Instant next = now.plusMillis(backoff.apply(Math.max(1, attempts)));
    String error =
        cause instanceof FundUnavailableException ? cause.getMessage() : cause.toString();
    if (outbox.failed(lease, dead, maybeTaken, String.valueOf(error), next, now)) {
      failedCount.increment();
      if (dead) {
        deadCount.increment();
        log.warn("{} failed for longer than {}: given up", lease, settings.giveUpAfter());
      }
    }
  }

  /** Asks for the assessment of a version the fund took. */
  void poll(Lease lease) throws SQLException {
    String id = lease.transactionId();
    if (id == null) {
      return;
    }
    FundClaims.Results results;
    try {
      results = fund.results(lease.facility(), id).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      outbox.notYet(lease, "results: " + cause.getMessage(), nextPoll(lease), clock.instant());
      return;
    }
    Instant now = clock.instant();
    if (results instanceof FundClaims.Assessed a) {
      if (outbox.assessed(lease, a, now)) {
        assessedCount.increment();
      }
    } else if (results instanceof FundClaims.Unknown u) {
      outbox.notYet(lease, "the fund does not know transaction " + id, nextPoll(lease), now);
    } else {
      outbox.notYet(lease, null, nextPoll(lease), now);
    }
  }

  /** The next look at results: a tenth of the time since sending, between interval and an hour. */
  private Instant nextPoll(Lease lease) {
    Instant now = clock.instant();
    Instant sent = lease.attemptStartedAt() == null ? now : lease.attemptStartedAt();
    Duration wait = Duration.between(sent, now).dividedBy(10);
    if (wait.compareTo(settings.interval()) < 0) {
      wait = settings.interval();
    }
    if (wait.compareTo(MAX_POLL) > 0) {
      wait = MAX_POLL;
    }
    return now.plus(wait);
  }

  /** Stops looking for work and waits for the versions being worked on. */
  @Override
  public void close() {
    loop.shutdownNow();
    workers.shutdown();
    try {
      loop.awaitTermination(10, TimeUnit.SECONDS);
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
