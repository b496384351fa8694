package vn.bhyt.claims.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.claims.store.ClaimTransactions;
import vn.bhyt.claims.submission.ClaimIntake;
import vn.bhyt.claims.submission.ClaimResult;
import vn.bhyt.claims.submission.Submission;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.Facility;

/**
 * The forwarding outbox on a real MariaDB: every stored version enters it where its assessment puts
 * it, leases are taken by one forwarder at a time, and a forwarder whose lease ran out records
 * nothing.
 */
class JdbcOutboxIT {
  static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  static final AtomicLong SEEDS = new AtomicLong(9100);
  static TestDatabase db;
  static ClaimIntake intake;
  static JdbcOutbox outbox;
  static ExecutorService flusher;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    ClaimReference reference = ClaimReference.builtIn();
    RuleBook rules = RuleBook.standard(ReferenceData.builtIn(), reference, Set.of());
    flusher = Executors.newCachedThreadPool();
    intake =
        new ClaimIntake(
            new ClaimEnvelopeReader(),
            new Assessor(rules),
            reference,
            AssessmentContext.of(
                new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL),
                LocalDate.of(2026, 11, 20)),
            ClaimTransactions.on(db.dataSource()),
            Runnable::run,
            flusher,
            Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh")));
    outbox = new JdbcOutbox(db.dataSource());
  }

  @AfterAll
  static void close() {
    flusher.shutdownNow();
    db.close();
  }

  static List<ClaimResult> submit(int visits) {
    return intake.receive(
        ClaimEnvelopes.of(visits, 3, SEEDS.incrementAndGet()).bytes(),
        new Submission("his-1", "req-1", null));
  }

  static ClaimResult first(String status) {
    for (int i = 0; i < 20; i++) {
      for (ClaimResult r : submit(6)) {
        if (r.assessment().status().code().equals(status)) {
          return r;
        }
      }
    }
    throw new AssertionError("the generator made no " + status + " claim");
  }

  static JdbcOutbox.Due due(ClaimResult r) {
    return new JdbcOutbox.Due(r.claimId(), r.version());
  }

  @Test
  void everyStoredVersionEntersTheOutboxWhereItsAssessmentPutsIt() throws Exception {
    for (ClaimResult r : submit(12)) {
      Forwarding f = outbox.current(r.claimId()).orElseThrow();
      assertThat(f.state())
          .as(r.assessment().status().code())
          .isEqualTo(ForwardingState.of(r.assessment().status()));
      assertThat(f.attempts()).isZero();
      assertThat(f.queuedAt()).isEqualTo(NOW);
    }
    assertThat(ForwardingState.of(vn.bhyt.claims.assessment.AssessmentStatus.REJECTED))
        .isEqualTo(ForwardingState.BLOCKED);
  }

  @Test
  void forwardersRacingForOneVersionLeaveItToOne() throws Exception {
    ClaimResult r = first("accepted");
    int racers = 8;
    CyclicBarrier start = new CyclicBarrier(racers);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    List<Future<Optional<Lease>>> takes = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      String owner = "forwarder-" + i;
      Callable<Optional<Lease>> take =
          () -> {
            start.await();
            return outbox.take(
                due(r), ForwardingState.PENDING, owner, NOW, NOW.plus(Duration.ofMinutes(2)));
          };
      takes.add(pool.submit(take));
    }
    int won = 0;
    for (Future<Optional<Lease>> t : takes) {
      won += t.get().isPresent() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(won).isEqualTo(1);
    assertThat(outbox.dueToSend(NOW.plusSeconds(60), 1_000))
        .as("held, so not due while the lease runs")
        .doesNotContain(due(r));
    assertThat(outbox.dueToSend(NOW.plusSeconds(121), 1_000))
        .as("due again once it ran out")
        .contains(due(r));
  }

  @Test
  void aForwarderWhoseLeaseRanOutRecordsNothingOverTheNextHolder() throws Exception {
    ClaimResult r = first("accepted");
    Lease late =
        outbox.take(due(r), ForwardingState.PENDING, "a", NOW, NOW.plusSeconds(1)).orElseThrow();
    assertThat(outbox.startAttempt(late, NOW)).isTrue();
    Instant later = NOW.plusSeconds(2);
    Lease next =
        outbox
            .take(due(r), ForwardingState.PENDING, "b", later, later.plusSeconds(60))
            .orElseThrow();
    assertThat(next.fence()).isGreaterThan(late.fence());
    assertThat(next.unanswered()).as("the first attempt has no recorded answer").isTrue();
    assertThat(next.attemptStartedAt()).isEqualTo(NOW);
    assertThat(outbox.sent(late, "T-late", null, later, later)).isFalse();
    assertThat(outbox.failed(late, true, true, "late", later, later)).isFalse();
    assertThat(outbox.sent(next, "T-1", NOW, later, later.plusSeconds(30))).isTrue();
    Forwarding f = outbox.current(r.claimId()).orElseThrow();
    assertThat(f.state()).isEqualTo(ForwardingState.SENT);
    assertThat(f.transactionId()).isEqualTo("T-1");
    assertThat(f.attempts()).isEqualTo(1);
    assertThat(forwardedAt(r)).isEqualTo(later);
  }

  @Test
  void aVersionsFileIsMadeOnceAndEveryAttemptSendsIt() throws Exception {
    ClaimResult r = first("accepted");
    Lease a = outbox.take(due(r), ForwardingState.PENDING, "a", NOW, NOW).orElseThrow();
    byte[] made = EnvelopeFile.of("79034", LocalDate.of(2026, 11, 20), outbox.tables(a));
    assertThat(outbox.keepFile(a, made, NOW)).hasValue(made);
    Instant later = NOW.plusSeconds(1);
    Lease b = outbox.take(due(r), ForwardingState.PENDING, "b", later, later).orElseThrow();
    assertThat(b.file()).isEqualTo(made);
    byte[] other = EnvelopeFile.of("79034", LocalDate.of(2026, 11, 21), outbox.tables(b));
    assertThat(outbox.keepFile(b, other, later))
        .as("a file made on another day is not kept: the first one is sent")
        .hasValue(made);
  }

  @Test
  void onlyADeadOrRefusedClaimIsSentAgain() throws Exception {
    ClaimResult r = first("accepted");
    assertThat(outbox.retry(r.claimId(), NOW)).as("pending").isFalse();
    Lease l = outbox.take(due(r), ForwardingState.PENDING, "a", NOW, NOW).orElseThrow();
    assertThat(outbox.failed(l, true, false, "gave up", NOW, NOW)).isTrue();
    assertThat(outbox.current(r.claimId()).orElseThrow().state()).isEqualTo(ForwardingState.DEAD);
    assertThat(outbox.dueToSend(NOW.plusSeconds(3600), 1_000)).doesNotContain(due(r));
    assertThat(outbox.retry(r.claimId(), NOW.plusSeconds(5))).isTrue();
    Forwarding f = outbox.current(r.claimId()).orElseThrow();
    assertThat(f.state()).isEqualTo(ForwardingState.PENDING);
    assertThat(f.lastError()).isNull();
    assertThat(outbox.dueToSend(NOW.plusSeconds(5), 1_000)).contains(due(r));
  }

  @Test
  void theQueueIsListedByStateQueuedLongestFirst() throws Exception {
    submit(8);
    ForwardingPage held = outbox.list(ForwardingState.HELD, 0, 500);
    assertThat(held.entries()).allMatch(f -> f.state() == ForwardingState.HELD);
    assertThat(held.total()).isGreaterThanOrEqualTo(held.entries().size());
    ForwardingPage all = outbox.list(null, 0, 3);
    assertThat(all.entries()).hasSizeLessThanOrEqualTo(3);
    assertThat(all.total()).isGreaterThanOrEqualTo(8);
  }

  static Instant forwardedAt(ClaimResult r) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT forwarded_at FROM claim_version WHERE claim_id = ? AND version = ?")) {
      ps.setString(1, r.claimId());
      ps.setInt(2, r.version());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return JdbcOutbox.instant(rs, 1);
      }
    }
  }
}
