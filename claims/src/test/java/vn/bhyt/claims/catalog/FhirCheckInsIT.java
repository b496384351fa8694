package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.CheckIns;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.fhir.JdbcEncounterIndex;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.audit.CardHasher;
import vn.bhyt.verifier.audit.Receipts;
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
 * MariaDB, found by visit key and by card and day, and proven by their card checks' receipts.
 */
class FhirCheckInsIT {
  static final FacilityCode HERE = new FacilityCode("79034");
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String AN = "DN4797900000001";
  static final String BINH = "DN4797900000002";
  static final String HEADER =
      "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,status,"
          + "benefit_level,group_code\n";
  static final CheckIns.CheckIn PROVEN = CheckIns.CheckIn.PROVEN;
  static final CheckIns.CheckIn UNPROVEN = CheckIns.CheckIn.UNPROVEN;
  static final CheckIns.CheckIn ABSENT = CheckIns.CheckIn.ABSENT;
  static final CheckIns.CheckIn UNKNOWN = CheckIns.CheckIn.UNKNOWN;
  static final Receipts RECEIPTS = Receipts.of(Map.of(1, new byte[32], 2, key(7)));
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
    reception = checkInService(db, store, RECEIPTS);
    checkIns = checkIns(db, RECEIPTS);
  }

  static FhirCheckIns checkIns(TestDatabase db, Receipts receipts) throws Exception {
    return new FhirCheckIns(
        new JdbcEncounterIndex(db.dataSource()),
        HERE,
        VN,
        receipts,
        CardHasher.of(db.dataSource()));
  }

  static byte[] key(int fill) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) fill);
    return key;
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static CheckInService checkInService(TestDatabase db, FhirStore store, Receipts receipts)
      throws Exception {
    ReferenceData reference = ReferenceData.builtIn();
    CardCheckService checks =
        new CardCheckService(
            new CachingRegistry(
                new JdbcRegistry(db.dataSource()), 1_000, Duration.ofMinutes(1), Runnable::run),
            OnlineCheck.NONE,
            new CardRules(reference, new Facility(HERE, FacilityLevel.PROVINCIAL)),
            record -> true,
            CardHasher.of(db.dataSource()),
            receipts,
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
      FhirCheckIns none = checkIns(empty, RECEIPTS);
      assertThat(none.byVisit("79034", "LK-0001", List.of(AN))).isEqualTo(UNKNOWN);
      assertThat(none.byCard("79034", AN, d("2026-03-10"))).isEqualTo(UNKNOWN);
    }
  }

  @Test
  void aCheckInIsFoundByItsVisitKeyAndByCardOnItsDay() {
    checkIn(reception, AN, "Nguyễn Văn An", "1990-01-31", "2026-03-10T08:15:00+07:00", "LK-0001");
    assertThat(checkIns.byVisit("79034", "LK-0001", List.of(AN))).isEqualTo(PROVEN);
    assertThat(checkIns.byVisit("79034", "LK-9999", List.of(AN))).isEqualTo(ABSENT);
    assertThat(checkIns.byVisit("79034", "lk-0001", List.of(AN)))
        .as("keys compare exactly")
        .isEqualTo(ABSENT);
    assertThat(checkIns.byCard("79034", AN, d("2026-03-10"))).isEqualTo(PROVEN);
    assertThat(checkIns.byCard("79034", "dn4797900000001", d("2026-03-10"))).isEqualTo(PROVEN);
    assertThat(checkIns.byCard("79034", AN, d("2026-03-09"))).isEqualTo(ABSENT);
    assertThat(checkIns.byCard("79034", AN, d("2026-03-11"))).isEqualTo(ABSENT);
    assertThat(checkIns.byCard("79034", "DN4797999999999", d("2026-03-10"))).isEqualTo(ABSENT);
  }

  @Test
  void anotherFacilitysVisitsAreUnknownHere() {
    assertThat(checkIns.byVisit("79001", "LK-0001", List.of(AN))).isEqualTo(UNKNOWN);
    assertThat(checkIns.byCard("79001", AN, d("2026-03-10"))).isEqualTo(UNKNOWN);
    assertThat(checkIns.byVisit(null, "LK-0001", List.of(AN))).isEqualTo(UNKNOWN);
  }

  @Test
  void daysBeginAndEndInTheFacilitysTimeZone() {
    checkIn(reception, BINH, "Trần Thị Bình", "1991-02-01", "2026-03-20T23:30:00+07:00", null);
    checkIn(reception, BINH, "Trần Thị Bình", "1991-02-01", "2026-03-22T00:10:00+07:00", null);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-20"))).isEqualTo(PROVEN);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-21"))).isEqualTo(ABSENT);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-22"))).isEqualTo(PROVEN);
    assertThat(checkIns.byCard("79034", BINH, d("2026-03-23"))).isEqualTo(ABSENT);
  }

  @Test
  void aVisitEnteredInErrorDoesNotCount() throws Exception {
    CheckIn visit =
        checkIn(
            reception, AN, "Nguyễn Văn An", "1990-01-31", "2026-04-01T09:00:00+07:00", "LK-0002");
    assertThat(checkIns.byVisit("79034", "LK-0002", List.of(AN))).isEqualTo(PROVEN);
    assertThat(checkIns.byCard("79034", AN, d("2026-04-01"))).isEqualTo(PROVEN);
    store.inTransaction(
        c -> {
          Encounter e = (Encounter) store.read(c, "Encounter", visit.visitId()).orElseThrow();
          e.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
          return store.update(c, e, null);
        });
    assertThat(checkIns.byVisit("79034", "LK-0002", List.of(AN))).isEqualTo(ABSENT);
    assertThat(checkIns.byCard("79034", AN, d("2026-04-01"))).isEqualTo(ABSENT);
  }

  @Test
  void aCheckInProvesTheVisitForItsCardOnly() {
    checkIn(reception, AN, "Nguyễn Văn An", "1990-01-31", "2026-05-02T08:00:00+07:00", "LK-0003");
    assertThat(checkIns.byVisit("79034", "LK-0003", List.of(AN))).isEqualTo(PROVEN);
    assertThat(checkIns.byVisit("79034", "LK-0003", List.of(BINH)))
        .as("the receipt states another card's hash")
        .isEqualTo(UNPROVEN);
    assertThat(checkIns.byVisit("79034", "LK-0003", List.of(BINH, AN))).isEqualTo(PROVEN);
  }

  @Test
  void aVisitRecordedThroughTheFhirApiIsUnproven() throws Exception {
    String patient = encounterOf(AN);
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.getClass_().setCode("AMB");
    e.setSubject(new Reference(patient));
    e.addIdentifier().setSystem(Identifiers.hisVisit(HERE)).setValue("LK-0004");
    e.setPeriod(
        new Period()
            .setStart(
                java.util.Date.from(
                    OffsetDateTime.parse("2026-05-03T08:00:00+07:00").toInstant())));
    store.inTransaction(c -> store.create(c, e));
    assertThat(checkIns.byVisit("79034", "LK-0004", List.of(AN))).isEqualTo(UNPROVEN);
    assertThat(checkIns.byCard("79034", AN, d("2026-05-03"))).isEqualTo(UNPROVEN);
  }

  @Test
  void aVisitNamingAnotherChecksReceiptOrATamperedOneIsUnproven() throws Exception {
    CheckIn real =
        checkIn(
            reception, AN, "Nguyễn Văn An", "1990-01-31", "2026-05-04T08:00:00+07:00", "LK-0005");
    Encounter opened = (Encounter) store.read("Encounter", real.visitId()).orElseThrow();
    String checkId = identifier(opened, Identifiers.CHECK_ID);
    String receipt = identifier(opened, Identifiers.CHECK_RECEIPT);
    assertThat(RECEIPTS.verify(receipt, checkId, CardHasher.of(db.dataSource()).hash(AN)))
        .isNotNull();
    String[] parts = receipt.split("\\.");
    String otherResult = parts[0] + "." + parts[1] + ".010." + parts[3] + "." + parts[4];
    forged("LK-0006", "2026-05-05T08:00:00+07:00", checkId, otherResult);
    forged(
        "LK-0007",
        "2026-05-06T08:00:00+07:00",
        checkId.substring(0, 25) + (checkId.endsWith("Z") ? "Y" : "Z"),
        receipt);
    assertThat(checkIns.byVisit("79034", "LK-0006", List.of(AN)))
        .as("a receipt that states another result")
        .isEqualTo(UNPROVEN);
    assertThat(checkIns.byVisit("79034", "LK-0007", List.of(AN)))
        .as("a receipt copied onto another check id")
        .isEqualTo(UNPROVEN);
  }

  @Test
  void aCheckInAtAGatewayWithOtherKeysIsUnprovenHere() throws Exception {
    CheckInService elsewhere = checkInService(db, store, Receipts.of(Map.of(1, key(9))));
    checkIn(elsewhere, AN, "Nguyễn Văn An", "1990-01-31", "2026-05-07T08:00:00+07:00", "LK-0008");
    assertThat(checkIns.byVisit("79034", "LK-0008", List.of(AN))).isEqualTo(UNPROVEN);
    assertThat(
            checkIns(db, Receipts.of(Map.of(1, key(9)))).byVisit("79034", "LK-0008", List.of(AN)))
        .isEqualTo(PROVEN);
  }

  @Test
  void aReceiptSignedWithAnOlderKeyStillProvesTheVisitAfterRotation() throws Exception {
    CheckInService before = checkInService(db, store, Receipts.of(Map.of(1, new byte[32])));
    checkIn(before, AN, "Nguyễn Văn An", "1990-01-31", "2026-05-08T08:00:00+07:00", "LK-0009");
    assertThat(checkIns.byVisit("79034", "LK-0009", List.of(AN)))
        .as("signed by key 1, verified by a gateway that signs with key 2")
        .isEqualTo(PROVEN);
  }

  /** An Encounter of the card's patient naming a check id and receipt, as a forger would write. */
  static void forged(String maLk, String start, String checkId, String receipt) throws Exception {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.getClass_().setCode("AMB");
    e.setSubject(new Reference(encounterOf(AN)));
    e.addIdentifier().setSystem(Identifiers.hisVisit(HERE)).setValue(maLk);
    e.addIdentifier().setSystem(Identifiers.CHECK_ID).setValue(checkId);
    e.addIdentifier().setSystem(Identifiers.CHECK_RECEIPT).setValue(receipt);
    e.setPeriod(
        new Period().setStart(java.util.Date.from(OffsetDateTime.parse(start).toInstant())));
    store.inTransaction(c -> store.create(c, e));
  }

  /** The Patient reference of a card's holder, from a check-in of the card. */
  static String encounterOf(String card) throws Exception {
    CheckIn any =
        checkIn(reception, card, "Nguyễn Văn An", "1990-01-31", "2026-06-30T08:00:00+07:00", null);
    return any.resources().get("Patient");
  }

  static String identifier(Encounter e, String system) {
    return e.getIdentifier().stream()
        .filter(i -> system.equals(i.getSystem()))
        .map(Identifier::getValue)
        .findFirst()
        .orElseThrow();
  }
}
