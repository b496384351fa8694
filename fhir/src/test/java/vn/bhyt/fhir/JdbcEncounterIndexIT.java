package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.persistence.Plans;
import vn.bhyt.persistence.TestDatabase;

/**
 * The Encounter questions on a real MariaDB holding patients with a card and two visits each, as
 * check-in writes them: the answers, and plans that read no table or index whole.
 */
class JdbcEncounterIndexIT {
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String VISITS = "https://fhir.example/sid/79034/ma-lk";
  static TestDatabase db;
  static FhirStore store;
  static JdbcEncounterIndex index;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.create();
    store = new FhirStore(db.dataSource(), FhirContexts.r4(), VN);
    index = new JdbcEncounterIndex(db.dataSource());
    seed(600);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "ANALYZE TABLE fhir_resource, fhir_token_index, fhir_date_index, fhir_reference_index");
    }
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  /** The start of the seed's visit {@code v} of patient {@code i}, in Vietnam's time. */
  static LocalDateTime start(int i, int v) {
    return LocalDateTime.of(2025, 1, 1, 8, 0).plusDays((i * 7L + v) % 700);
  }

  static Instant at(LocalDateTime local) {
    return local.atZone(VN).toInstant();
  }

  @Test
  void anEncounterIsFoundByItsIdentifierExactlyWithTheCheckItNames() {
    assertThat(index.any()).isTrue();
    assertThat(index.checksWithIdentifier(VISITS, "SEED-12-1"))
        .containsExactly(new EncounterIndex.CheckedBy("CHECK-12-1", "RECEIPT-12-1"));
    assertThat(index.checksWithIdentifier(VISITS, "seed-12-1")).isEmpty();
    assertThat(index.checksWithIdentifier("https://fhir.example/other", "SEED-12-1")).isEmpty();
    assertThat(index.checksWithIdentifier(VISITS, "SEED-9999-0")).isEmpty();
  }

  @Test
  void anEncounterThatNamesNoCheckIsFoundWithNone() {
    assertThat(index.checksWithIdentifier(VISITS, "SEED-13-1"))
        .containsExactly(new EncounterIndex.CheckedBy(null, null));
  }

  @Test
  void aSubscribersEncounterIsFoundInTheIntervalItStartsIn() {
    LocalDateTime start = start(40, 0);
    String card = String.format("DN40101%08d", 40);
    assertThat(
            index.checksOfSubscriberStarting(card, at(start.minusHours(1)), at(start.plusHours(1))))
        .containsExactly(new EncounterIndex.CheckedBy("CHECK-40-0", "RECEIPT-40-0"));
    assertThat(index.checksOfSubscriberStarting(card, at(start), at(start.plusMinutes(1))))
        .as("the interval includes its start")
        .hasSize(1);
    assertThat(index.checksOfSubscriberStarting(card, at(start.minusHours(1)), at(start)))
        .as("and excludes its end")
        .isEmpty();
    assertThat(
            index.checksOfSubscriberStarting(
                String.format("DN40101%08d", 41), at(start.minusHours(1)), at(start.plusHours(1))))
        .as("another card's patient")
        .isEmpty();
  }

  @Test
  void voidEncountersAreNeverFound() throws Exception {
    String patient =
        "Patient/"
            + store.inTransaction(c -> store.create(c, new Patient())).getIdElement().getIdPart();
    Encounter e = encounter(patient, "VOID-1", LocalDateTime.of(2026, 5, 1, 9, 0));
    e.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
    store.inTransaction(c -> store.create(c, e));
    assertThat(index.checksWithIdentifier(VISITS, "VOID-1")).isEmpty();
  }

  @Test
  void anEmptyStoreHasNoEncounter() {
    try (TestDatabase empty = TestDatabase.create()) {
      assertThat(new JdbcEncounterIndex(empty.dataSource()).any()).isFalse();
    }
  }

  @Test
  void questionsRunThroughIndexes() throws Exception {
    LocalDateTime from = LocalDateTime.of(2026, 3, 9, 17, 0);
    assertThat(
            Plans.fullScans(
                db.dataSource(), JdbcEncounterIndex.CHECKS_WITH_IDENTIFIER, "LK-0001", VISITS))
        .isEmpty();
    assertThat(
            Plans.fullScans(
                db.dataSource(),
                JdbcEncounterIndex.CHECKS_OF_SUBSCRIBER,
                from,
                from.plusDays(1),
                "DN4010100000300"))
        .isEmpty();
    assertThat(Plans.fullScans(db.dataSource(), JdbcEncounterIndex.ANY)).isEmpty();
  }

  static Encounter encounter(String patient, String visitKey, LocalDateTime start) {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.getClass_().setCode("AMB");
    e.setSubject(new Reference(patient));
    e.addIdentifier()
        .setUse(Identifier.IdentifierUse.OFFICIAL)
        .setSystem(VISITS)
        .setValue(visitKey);
    e.setPeriod(new Period().setStart(Date.from(at(start))));
    return e;
  }

  /** Patients with a card and two visits each. */
  static void seed(int patients) throws Exception {
    store.inTransaction(
        c -> {
          for (int i = 0; i < patients; i++) {
            Patient p = new Patient();
            p.addIdentifier()
                .setSystem("https://fhir.example/sid/ssn")
                .setValue(String.format("40101%05d", i));
            p.addName().setFamily("Nguyễn").addGiven("Văn " + i);
            String patient = "Patient/" + store.create(c, p).getIdElement().getIdPart();
            Coverage cov = new Coverage();
            cov.setStatus(Coverage.CoverageStatus.ACTIVE);
            cov.setSubscriberId(String.format("DN40101%08d", i));
            cov.setBeneficiary(new Reference(patient));
            cov.addPayor().setDisplay("VSS");
            store.create(c, cov);
            for (int v = 0; v < 2; v++) {
              Encounter e = encounter(patient, "SEED-" + i + "-" + v, start(i, v));
              if (i % 2 == 0) {
                e.addIdentifier().setSystem(Identifiers.CHECK_ID).setValue("CHECK-" + i + "-" + v);
                e.addIdentifier()
                    .setSystem(Identifiers.CHECK_RECEIPT)
                    .setValue("RECEIPT-" + i + "-" + v);
              }
              store.create(c, e);
            }
          }
          return null;
        });
  }
}
