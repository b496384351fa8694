package vn.bhyt.claims.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.claim.VerbatimTable;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.intake.ClaimEnvelopeWriter;
import vn.bhyt.claims.intake.ClaimEnvelopes;
import vn.bhyt.claims.intake.InnerTableWriter;
import vn.bhyt.claims.store.ClaimTransactions;
import vn.bhyt.claims.store.CurrentVersion;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.store.StoredClaim;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.persistence.Database;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.Facility;

/**
 * Claims intake against a real MariaDB: storing, idempotency, versions, forwarded claims and
 * corrections, racing submissions, and envelopes that fail half-way leaving nothing stored.
 */
class ClaimIntakeIT {
  static final int RACERS = 20;
  static final String HERE = "79034";
  static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());
  static TestDatabase db;
  static HikariDataSource pool;
  static ClaimIntake intake;
  static JdbcClaims claims;
  static ExecutorService flusher;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    GatewayConfig.Db c = db.config();
    pool = Database.open(new GatewayConfig.Db(c.url(), c.user(), c.password(), RACERS + 2), null);
    ClaimReference reference = ClaimReference.builtIn();
    RuleBook rules = RuleBook.standard(ReferenceData.builtIn(), reference, Set.of());
    Facility facility = new Facility(new FacilityCode(HERE), FacilityLevel.PROVINCIAL);
    flusher = Executors.newCachedThreadPool();
    intake =
        new ClaimIntake(
            new ClaimEnvelopeReader(),
            new Assessor(rules),
            reference,
            AssessmentContext.of(facility, LocalDate.of(2026, 11, 20)),
            ClaimTransactions.on(pool),
            Runnable::run,
            flusher,
            Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh")));
    claims = new JdbcClaims(pool);
  }

  @AfterAll
  static void close() {
    flusher.shutdownNow();
    pool.close();
    db.close();
  }

  static long seed() {
    return SEEDS.incrementAndGet();
  }

  static List<ClaimResult> submit(byte[] envelope) {
    return intake.receive(envelope, new Submission("his-1", "req-1", null));
  }

  static List<ClaimResult> correct(byte[] envelope, String reason) {
    return intake.receive(envelope, new Submission("his-1", "req-2", reason));
  }

  static byte[] envelope(ClaimDossier... dossiers) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, dossiers[0].facilityCode(), "20261120", List.of(dossiers));
    return out.toByteArray();
  }

  static ClaimDossiers visit(long seed, String maLk) {
    return ClaimDossiers.aVisit().seed(seed).withMaLk(maLk).withLines(6);
  }

  static int count(String sql, Object... binds) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static void forward(String claimId) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE claim_version SET forwarded_at = '2026-11-21 01:00:00' WHERE claim_id = '"
              + claimId
              + "'");
    }
  }

  static String key(String prefix) {
    return prefix + seed();
  }

  @Test
  void anEnvelopeIsStoredAndTheSameContentAgainCreatesNothing() throws Exception {
    ClaimEnvelopes generated = ClaimEnvelopes.of(3, 8, seed());
    byte[] body = generated.bytes();
    List<ClaimResult> first = submit(body);
    assertThat(first).hasSize(3);
    for (int i = 0; i < 3; i++) {
      ClaimResult r = first.get(i);
      assertThat(r.maLk()).isEqualTo(generated.dossier(i + 1).maLk().orElseThrow());
      assertThat(r.version()).isEqualTo(1);
      StoredClaim stored = claims.find(r.claimId()).orElseThrow();
      assertThat(stored.assessment()).isEqualTo(r.assessment());
      assertThat(stored.versions()).hasSize(1);
      assertThat(count("SELECT COUNT(*) FROM claim_table WHERE claim_id = ?", r.claimId()))
          .isEqualTo(generated.dossier(i + 1).verbatim().size());
    }
    int versions = count("SELECT COUNT(*) FROM claim_version");
    List<ClaimResult> again = submit(body);
    assertThat(again).isEqualTo(first);
    assertThat(count("SELECT COUNT(*) FROM claim_version")).isEqualTo(versions);
  }

  @Test
  void changedContentBeforeForwardingIsANewVersionWithTheHistoryKept() throws Exception {
    long seed = seed();
    String maLk = key("LKV");
    ClaimResult v1 = submit(envelope(visit(seed, maLk).build())).get(0);
    ClaimDossier changed = visit(seed, maLk).with("XML3", 1, "THANH_TIEN_BV", "1.00").build();
    ClaimResult v2 = submit(envelope(changed)).get(0);
    assertThat(v2.claimId()).isEqualTo(v1.claimId());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.assessment().findings())
        .anySatisfy(f -> assertThat(f.field()).isEqualTo("THANH_TIEN_BV"));
    StoredClaim stored = claims.find(v1.claimId()).orElseThrow();
    assertThat(stored.summary().version()).isEqualTo(2);
    assertThat(stored.versions()).extracting(v -> v.version()).containsExactly(1, 2);
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ?", maLk)).isEqualTo(1);
  }

  @Test
  void afterForwardingOnlyACorrectionChangesTheClaim() throws Exception {
    long seed = seed();
    String maLk = key("LKF");
    byte[] original = envelope(visit(seed, maLk).build());
    ClaimResult v1 = submit(original).get(0);
    forward(v1.claimId());
    byte[] changed = envelope(visit(seed, maLk).with("XML1", 1, "MA_KHOA", "K02").build());
    assertThatThrownBy(() -> submit(changed))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type().code()).isEqualTo("CLM-0011");
              assertThat(p.type().status()).isEqualTo(409);
              assertThat(p.extensions()).containsEntry("dossier", 1);
            });
    assertThat(submit(original)).containsExactly(v1);
    ClaimResult corrected = correct(changed, "sửa khoa điều trị").get(0);
    assertThat(corrected.version()).isEqualTo(2);
    StoredClaim stored = claims.find(v1.claimId()).orElseThrow();
    assertThat(stored.current().correction()).isEqualTo("sửa khoa điều trị");
    assertThat(stored.versions().get(0).forwardedAt()).isNotNull();
    assertThat(stored.current().forwardedAt()).isNull();
    assertThat(stored.summary().department()).isEqualTo("K02");
  }

  @Test
  void twentyRacersWithOneVisitMakeOneClaim() throws Exception {
    long seed = seed();
    String maLk = key("LKR");
    byte[] body = envelope(visit(seed, maLk).build());
    List<ClaimResult> answers = race(i -> body);
    assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ?", maLk)).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM claim_version v JOIN claim c ON c.id = v.claim_id"
                    + " WHERE c.ma_lk = ?",
                maLk))
        .isEqualTo(1);
  }

  @Test
  void twentyRacersWithDifferentContentMakeOneClaimWithTwentyVersions() throws Exception {
    long seed = seed();
    String maLk = key("LKD");
    List<ClaimResult> answers =
        race(
            i ->
                envelope(
                    visit(seed, maLk).with("XML1", 1, "CAN_NANG", String.valueOf(40 + i)).build()));
    assertThat(answers).extracting(ClaimResult::claimId).containsOnly(answers.get(0).claimId());
    Set<Integer> versions = new HashSet<>();
    answers.forEach(a -> versions.add(a.version()));
    assertThat(versions).hasSize(RACERS).contains(1, RACERS);
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ?", maLk)).isEqualTo(1);
  }

  @Test
  void nothingIsStoredWhenTheThirdOfFiveDossiersIsBroken() throws Exception {
    long seed = seed();
    List<ClaimDossier> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(visit(seed + i, "LKB" + seed + "-" + i).index(i).build());
    }
    ClaimDossier third = five.get(2);
    five.set(
        2,
        new ClaimDossier(
            third.format(),
            third.facilityCode(),
            3,
            third.tables(),
            List.of(new VerbatimTable("XML1", "this is not base64!"))));
    byte[] body = envelope(five.toArray(ClaimDossier[]::new));
    assertThatThrownBy(() -> submit(body))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type().code()).isEqualTo("CLM-0005");
              assertThat(p.extensions()).containsEntry("dossier", 3);
            });
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk LIKE ?", "LKB" + seed + "-%"))
        .isZero();
  }

  @Test
  void nothingIsStoredWhenALaterDossierWouldChangeAForwardedClaim() throws Exception {
    long seed = seed();
    String forwarded = key("LKW");
    ClaimResult stored = submit(envelope(visit(seed, forwarded).build())).get(0);
    forward(stored.claimId());
    String fresh = key("LKN");
    byte[] body =
        envelope(
            visit(seed + 1, fresh).index(1).build(),
            visit(seed, forwarded).index(2).with("XML1", 1, "CAN_NANG", "99").build());
    assertThatThrownBy(() -> submit(body))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type().code()).isEqualTo("CLM-0011"));
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ?", fresh)).isZero();
  }

  @Test
  void anEnvelopeWithOneMaLkTwiceIsRefused() throws Exception {
    long seed = seed();
    String maLk = key("LK2");
    byte[] body =
        envelope(visit(seed, maLk).index(1).build(), visit(seed + 1, maLk).index(2).build());
    assertThatThrownBy(() -> submit(body))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type().code()).isEqualTo("CLM-0013");
              assertThat(p.extensions()).containsEntry("reason", "DUPLICATE_MA_LK");
            });
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ?", maLk)).isZero();
  }

  @Test
  void theHistoryFindsTheSameMaLkClaimedByAnotherFacility() throws Exception {
    long seed = seed();
    String maLk = key("LKH");
    submit(envelope(visit(seed, maLk).facility("01001").build()));
    ClaimResult here = submit(envelope(visit(seed, maLk).build())).get(0);
    assertThat(here.version()).isEqualTo(1);
    assertThat(here.assessment().findings())
        .anySatisfy(f -> assertThat(f.code()).isEqualTo("VISIT_KEY_FROM_OTHER_FACILITY"));
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ?", maLk)).isEqualTo(2);
  }

  @Test
  void aStayOverlappingOneOnTheSameCardIsFound() throws Exception {
    long seed = seed();
    String card = "DN479" + String.valueOf(seed).substring(0, 10);
    ClaimDossier first = visit(seed, key("LKS")).inpatient().withCard(card).build();
    submit(envelope(first));
    ClaimDossier second =
        visit(seed, key("LKT")).inpatient().withCard(card).facility("01001").build();
    ClaimResult r = submit(envelope(second)).get(0);
    assertThat(r.assessment().findings())
        .anySatisfy(f -> assertThat(f.code()).isEqualTo("STAY_OVERLAP"));
  }

  @Test
  void aStayOverlappingOneEarlierInTheSameEnvelopeIsFound() throws Exception {
    long seed = seed();
    String card = "DN479" + String.valueOf(seed).substring(0, 10);
    ClaimDossier first = visit(seed, key("LKU")).inpatient().withCard(card).build();
    ClaimDossier second = visit(seed, key("LKV")).inpatient().withCard(card).build();
    List<ClaimResult> r = submit(envelope(first, second));
    assertThat(r.get(0).assessment().findings())
        .noneSatisfy(f -> assertThat(f.code()).isEqualTo("STAY_OVERLAP"));
    assertThat(r.get(1).assessment().findings())
        .anySatisfy(f -> assertThat(f.code()).isEqualTo("STAY_OVERLAP"));
    assertThat(count("SELECT COUNT(*) FROM claim_card WHERE card_number = ?", card)).isEqualTo(2);
  }

  /** An envelope of more dossiers than one group, the first and the last a stay on one card. */
  static List<ClaimDossier> severalGroups(long seed, String prefix) {
    String card = "DN479" + String.valueOf(seed).substring(0, 10);
    int n = 2 * EnvelopeIntake.GROUP + 50;
    List<ClaimDossier> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      boolean stay = i == 1 || i == n;
      ClaimDossiers d =
          ClaimDossiers.aVisit()
              .seed(stay ? seed : seed + i)
              .withMaLk(prefix + seed + "-" + i)
              .withLines(2)
              .index(i);
      out.add(stay ? d.inpatient().withCard(card).build() : d.build());
    }
    return out;
  }

  @Test
  void anEnvelopeOfSeveralGroupsIsStoredWhole() throws Exception {
    long seed = seed();
    List<ClaimDossier> dossiers = severalGroups(seed, "LKG");
    int n = dossiers.size();
    List<ClaimResult> r = submit(envelope(dossiers.toArray(ClaimDossier[]::new)));
    assertThat(r).extracting(ClaimResult::maLk).hasSize(n).startsWith("LKG" + seed + "-1");
    assertThat(r.get(n - 1).maLk()).isEqualTo("LKG" + seed + "-" + n);
    assertThat(r.get(n - 1).assessment().findings())
        .anySatisfy(f -> assertThat(f.code()).isEqualTo("STAY_OVERLAP"));
    String like = "LKG" + seed + "-%";
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk LIKE ?", like)).isEqualTo(n);
    assertThat(
            count(
                "SELECT COUNT(*) FROM claim_version v JOIN claim c ON c.id = v.claim_id"
                    + " WHERE c.ma_lk LIKE ?",
                like))
        .isEqualTo(n);
    int tables = dossiers.stream().mapToInt(d -> InnerTableWriter.files(d).size()).sum();
    assertThat(
            count(
                "SELECT COUNT(*) FROM claim_table t JOIN claim c ON c.id = t.claim_id"
                    + " WHERE c.ma_lk LIKE ?",
                like))
        .isEqualTo(tables);
    StoredClaim last = claims.find(r.get(n - 1).claimId()).orElseThrow();
    assertThat(last.assessment()).isEqualTo(r.get(n - 1).assessment());
  }

  @Test
  void nothingIsStoredWhenADossierOfTheLastGroupIsBroken() throws Exception {
    long seed = seed();
    List<ClaimDossier> dossiers = severalGroups(seed, "LKX");
    int broken = dossiers.size() - 10;
    ClaimDossier d = dossiers.get(broken - 1);
    dossiers.set(
        broken - 1,
        new ClaimDossier(
            d.format(),
            d.facilityCode(),
            broken,
            d.tables(),
            List.of(new VerbatimTable("XML1", "this is not base64!"))));
    byte[] body = envelope(dossiers.toArray(ClaimDossier[]::new));
    assertThatThrownBy(() -> submit(body))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.extensions()).containsEntry("dossier", broken));
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk LIKE ?", "LKX" + seed + "-%"))
        .isZero();
  }

  @Test
  void twoRacersWithAnEnvelopeOfSeveralGroupsStoreItOnce() throws Exception {
    long seed = seed();
    byte[] body = envelope(severalGroups(seed, "LKY").toArray(ClaimDossier[]::new));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      Callable<List<ClaimResult>> racer =
          () -> {
            start.await();
            return submit(body);
          };
      Future<List<ClaimResult>> a = threads.submit(racer);
      Future<List<ClaimResult>> b = threads.submit(racer);
      assertThat(a.get()).isEqualTo(b.get());
    } finally {
      threads.shutdownNow();
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM claim_version v JOIN claim c ON c.id = v.claim_id"
                    + " WHERE c.ma_lk LIKE ?",
                "LKY" + seed + "-%"))
        .isEqualTo(2 * EnvelopeIntake.GROUP + 50);
  }

  interface Body {
    byte[] of(int racer) throws Exception;
  }

  static List<ClaimResult> race(Body bodies) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(RACERS);
    CyclicBarrier start = new CyclicBarrier(RACERS);
    try {
      List<Future<ClaimResult>> calls = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        byte[] body = bodies.of(i);
        calls.add(
            threads.submit(
                () -> {
                  start.await();
                  return submit(body).get(0);
                }));
      }
      List<ClaimResult> answers = new ArrayList<>();
      for (Future<ClaimResult> call : calls) {
        answers.add(call.get());
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aDossierWithoutTablesAsReceivedIsStoredWithGeneratedTablesAndReadBack() throws Exception {
    ClaimDossier dossier = visit(seed(), key("LKD")).withoutVerbatim().build();
    Received first = intake.receive(dossier, new Submission("his-1", "req-3", null));
    assertThat(first.unchanged()).isFalse();
    Received again = intake.receive(dossier, new Submission("his-1", "req-4", null));
    assertThat(again.unchanged()).isTrue();
    assertThat(again.result()).isEqualTo(first.result());
    CurrentVersion current = claims.current(first.result().claimId()).orElseThrow();
    assertThat(current.version()).isEqualTo(1);
    assertThat(current.assessment()).isEqualTo(first.result().assessment());
    ClaimDossier back = new ClaimEnvelopeReader().dossier(current.facility(), current.tables());
    assertThat(back.tables()).isEqualTo(dossier.tables());
    assertThat(claims.current("NOSUCHCLAIM")).isEmpty();
  }

  static ClaimDossier withFiles(ClaimDossier d, List<VerbatimTable> files) {
    return new ClaimDossier(d.format(), d.facilityCode(), d.index(), d.tables(), files);
  }

  static void assertNotStorable(
      byte[] body, String reason, String table, Integer line, String field) {
    assertThatThrownBy(() -> submit(body))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type().code()).isEqualTo("CLM-0014");
              assertThat(p.type().status()).isEqualTo(422);
              assertThat(p.extensions())
                  .containsEntry("reason", reason)
                  .containsEntry("dossier", 2)
                  .containsEntry("field", field);
              if (table != null) {
                assertThat(p.extensions()).containsEntry("table", table);
              } else {
                assertThat(p.extensions()).doesNotContainKey("table");
              }
              if (line != null) {
                assertThat(p.extensions()).containsEntry("line", line);
              }
              assertThat(p.getMessage()).contains("dossier 2").doesNotContain("100000000000");
            });
  }

  @Test
  void aLineAmountThatNoTotalColumnHoldsWasA500AndIsRefusedNamingItsLine() throws Exception {
    String fine = key("LKA");
    String huge = key("LKA");
    byte[] body =
        envelope(
            visit(seed(), fine).index(1).build(),
            ClaimDossiers.aVisit()
                .seed(seed())
                .withMaLk(huge)
                .withServiceLines(3)
                .with("XML3", 2, "THANH_TIEN_BV", "100000000000000000")
                .index(2)
                .build());

    assertNotStorable(body, "AMOUNT_TOO_LARGE", "XML3", 2, "THANH_TIEN_BV");
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk IN (?, ?)", fine, huge)).isZero();
  }

  @Test
  void lineAmountsWhoseSumNoTotalColumnHoldsAreRefusedAtTheLineThatOverflows() throws Exception {
    String maLk = key("LKS");
    byte[] body =
        envelope(
            visit(seed(), key("LKS")).index(1).build(),
            ClaimDossiers.aVisit()
                .seed(seed())
                .withMaLk(maLk)
                .withDrugLines(0)
                .withServiceLines(3)
                .with("XML3", 1, "T_BHTT", "9000000000000000.00")
                .with("XML3", 2, "T_BHTT", "-10.00")
                .with("XML3", 3, "T_BHTT", "9000000000000000.00")
                .index(2)
                .build());

    assertNotStorable(body, "AMOUNT_TOO_LARGE", "XML3", 3, "T_BHTT");
  }

  @Test
  void aTableTypeLongerThanItsColumnWasA500AndIsRefusedWithoutEchoingIt() throws Exception {
    ClaimDossier second = visit(seed(), key("LKT")).index(2).build();
    List<VerbatimTable> files = new ArrayList<>(second.verbatim());
    files.add(new VerbatimTable("XML14_GIAYHEN_KHAMLAI_", base64("<GIAYHEN/>")));
    byte[] body = envelope(visit(seed(), key("LKT")).index(1).build(), withFiles(second, files));

    assertNotStorable(body, "VALUE_TOO_LONG", null, null, "LOAIHOSO");
    assertThatThrownBy(() -> submit(body)).hasMessageNotContaining("GIAYHEN");
  }

  @Test
  void aTableTypeOfTwentyCharactersOutsideAsciiIsStored() throws Exception {
    ClaimDossier dossier = visit(seed(), key("LKU")).build();
    List<VerbatimTable> files = new ArrayList<>(dossier.verbatim());
    files.add(new VerbatimTable("Giấy_hẹn_khám_lại_ở😀", base64("<GIAYHEN/>")));

    ClaimResult stored = submit(envelope(withFiles(dossier, files))).get(0);

    assertThat(count("SELECT COUNT(*) FROM claim_table WHERE claim_id = ?", stored.claimId()))
        .isEqualTo(files.size());
  }

  @Test
  void moreTablesThanThePositionColumnHoldsAreRefused() throws Exception {
    ClaimDossier second = visit(seed(), key("LKM")).index(2).build();
    List<VerbatimTable> files = new ArrayList<>(second.verbatim());
    while (files.size() <= Short.MAX_VALUE) {
      files.add(new VerbatimTable("XML15", ""));
    }
    byte[] body = envelope(visit(seed(), key("LKM")).index(1).build(), withFiles(second, files));

    assertNotStorable(body, "TOO_MANY_TABLES", null, null, "FILEHOSO");
  }

  @Test
  void aVisitDateBeforeTheYearsItsColumnHoldsIsStoredWithoutIndexingIt() throws Exception {
    String maLk = key("LKY");
    ClaimResult stored =
        submit(envelope(visit(seed(), maLk).with("XML1", 1, "NGAY_VAO", "099901010800").build()))
            .get(0);

    assertThat(claims.find(stored.claimId())).isPresent();
    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ? AND visit_start IS NULL", maLk))
        .isEqualTo(1);
  }

  @Test
  void aNewClaimWithoutDepartmentWasA500AndIsStored() throws Exception {
    String maLk = key("LKK");
    submit(envelope(visit(seed(), maLk).with("XML1", 1, "MA_KHOA", null).build()));

    assertThat(count("SELECT COUNT(*) FROM claim WHERE ma_lk = ? AND department IS NULL", maLk))
        .isEqualTo(1);
  }

  static String base64(String xml) {
    return java.util.Base64.getEncoder()
        .encodeToString(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
