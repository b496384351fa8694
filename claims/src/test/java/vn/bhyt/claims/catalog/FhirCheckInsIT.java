package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.Answer;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.JdbcEncounterIndex;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.check.OnlineCheck;
import vn.bhyt.verifier.registry.CachingRegistry;
import vn.bhyt.verifier.registry.JdbcRegistry;
import vn.bhyt.verifier.registry.RegistryImporter;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Evidence;
import vn.bhyt.verifier.rules.Facility;
import vn.bhyt.visits.CheckIn;
import vn.bhyt.visits.CheckInService;
import vn.bhyt.visits.VisitDetails;

/**
 * Reception's check-ins, recorded by the real {@link CheckInService} into the FHIR store on a real
 * MariaDB, found by visit key and by card and day.
 */
class FhirCheckInsIT {
  static final FacilityCode HERE = new FacilityCode("79034");
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String AN = "DN4797900000001";
  static final String BINH = "DN4797900000002";
  static final String HEADER =
      "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,status,"
          + "benefit_level,group_code\n";
  static TestDatabase db;
  static FhirStore store;
  static CheckInService reception;
  static FhirCheckIns checkIns;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create();
    new RegistryImporter(db.dataSource())
        .importCsv(
            new StringReader(
                HEADER
                    + AN
                    + ",Nguyễn Văn An,1990-01-31,male,79034,2026-01-01,2026-12-31,active,4,DN\n"
                    + BINH
                    + ",Trần Thị Bình,1991-02-01,female,79034,2026-01-01,2026-12-31,active,4,DN\n"),
            n -> {});
    store = new FhirStore(db.dataSource(), FhirContexts.r4(), VN);
    reception = checkInService(db, store);
    checkIns = new FhirCheckIns(new JdbcEncounterIndex(db.dataSource()), HERE, VN);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static CheckInService checkInService(TestDatabase db, FhirStore store) throws Exception {
    ReferenceData reference = ReferenceData.builtIn();
    CardCheckService checks =
        new CardCheckService(
            new CachingRegistry(
                new JdbcRegistry(db.dataSource()), 1_000, Duration.ofMinutes(1), Runnable::run),
            OnlineCheck.NONE,
            new CardRules(reference, new Facility(HERE, FacilityLevel.PROVINCIAL)),
            record -> true,
            CardHasher.of(db.dataSource()),
            Clock.fixed(OffsetDateTime.parse("2026-03-10T08:00:00+07:00").toInstant(), VN));
    return new CheckInService(checks, store, reference, HERE, Runnable::run);
  }

  static CheckIn checkIn(
      CheckInService service, String card, String name, String birth, String start, String maLk) {
    OffsetDateTime at = OffsetDateTime.parse(start);
    CheckRequest request =
        new CheckRequest(
            new Evidence.Typed(CardNumber.of(card), name, PartialDate.parse(birth)),
            at.atZoneSameInstant(VN).toLocalDate(),
            VisitKind.OUTPATIENT,
            false);
    VisitDetails visit = new VisitDetails("K01", at, null, maLk, null, false, null);
    return service.checkIn(request, visit, "desk-1", Locale.ROOT).toCompletableFuture().join();
  }

  static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void nothingIsKnownBeforeReceptionChecksAnyoneIn() throws Exception {
    try (TestDatabase empty = TestDatabase.create()) {
      FhirCheckIns none = new FhirCheckIns(new JdbcEncounterIndex(empty.dataSource()), HERE, VN);
      assertThat(none.byVisit("79034", "LK-0001")).isEqualTo(Answer.UNKNOWN);
      assertThat(none.byCard("79034", AN, d("2026-03-10"))).isEqualTo(Answer.UNKNOWN);
    }
  }

  @Test
  void aCheckInIsFoundByItsVisitKeyAndByCardOnItsDay() {
    checkIn(reception, AN, "Nguyễn Văn An", "1990-01-31", "2026-03-10T08:15:00+07:00", "LK-0001");
    assertThat(checkIns.byVisit("79034", "LK-0001")).isEqualTo(Answer.YES);
    assertThat(checkIns.byVisit("79034", "LK-9999")).isEqualTo(Answer.NO);
    assertThat(checkIns.byVisit("79034", "lk-0001"))
        .as("keys compare exactly")
        .isEqualTo(Answer.NO);
    assertThat(checkIns.byCard("79034", AN, d("2026-03-10"))).isEqualTo(Answer.YES);
    assertThat(checkIns.byCard("79034", "dn4797900000001", d("2026-03-10"))).isEqualTo(Answer.YES);
    assertThat(checkIns.byCard("79034", AN, d("2026-03-09"))).isEqualTo(Answer.NO);
    assertThat(checkIns.byCard("79034", AN, d("2026-03-11"))).isEqualTo(Answer.NO);
    assertThat(checkIns.byCard("79034", "DN4797999999999", d("2026-03-10"))).isEqualTo(Answer.NO);
  }

  @Test
  void anotherFacilitysVisitsAreUnknownHere() {
    assertThat(checkIns.byVisit("79001", "LK-0001")).isEqualTo(Answer.UNKNOWN);
    assertThat(checkIns.byCard("79001", AN, d("2026-03-10"))).isEqualTo(Answer.UNKNOWN);
    assertThat(checkIns.byVisit(null, "LK-0001")).isEqualTo(Answer.UNKNOWN);
  }

  @Test
  void daysBeginAndEndInTheFacilitysTimeZone() {
    checkIn(reception, BINH, "Trần Thị Bình", "1991-02-01", "2026-03-20T23:30:00+07:00", null);
    checkIn(reception, BINH, "Trần Thị Bình", "1991-02-01", "2026-03-22T00:10:00+07:00", null);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-20"))).isEqualTo(Answer.YES);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-21"))).isEqualTo(Answer.NO);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-22"))).isEqualTo(Answer.YES);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-23"))).isEqualTo(Answer.NO);
  }

  @Test
  void aVisitEnteredInErrorDoesNotCount() throws Exception {
    CheckIn visit =
        checkIn(
            reception, AN, "Nguyễn Văn An", "1990-01-31", "2026-04-01T09:00:00+07:00", "LK-0002");
    assertThat(checkIns.byVisit("79034", "LK-0002")).isEqualTo(Answer.YES);
    assertThat(checkIns.byCard("79034", AN, d("2026-04-01"))).isEqualTo(Answer.YES);
    store.inTransaction(
        c -> {
          Encounter e = (Encounter) store.read(c, "Encounter", visit.visitId()).orElseThrow();
          e.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
          return store.update(c, e, null);
        });
    assertThat(checkIns.byVisit("79034", "LK-0002")).isEqualTo(Answer.NO);
    assertThat(checkIns.byCard("79034", AN, d("2026-04-01"))).isEqualTo(Answer.NO);
  }
}
