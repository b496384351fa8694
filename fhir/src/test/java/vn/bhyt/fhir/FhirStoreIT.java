package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.persistence.Database;
import vn.bhyt.persistence.TestDatabase;

/** The store on a real MariaDB: versions, history, every search parameter, paging. */
class FhirStoreIT {
  static TestDatabase db;
  static FhirStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    store = new FhirStore(db.dataSource(), FhirContexts.r4());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static <T extends Resource> T create(T resource) throws Exception {
    return store.inTransaction(c -> store.create(c, resource));
  }

  static Set<String> ids(String type, SearchParams params) throws Exception {
    return store.search(type, params, new Paging(0, 200)).resources().stream()
        .map(r -> r.getIdElement().getIdPart())
        .collect(Collectors.toSet());
  }

  static String id(Resource r) {
    return r.getIdElement().getIdPart();
  }

  @Test
  void aTransactionThatFailsLeavesNothingAndTheNextStartsClean() throws Exception {
    Patient given =
        Resources.patient(
            Resources.CARD_SYSTEM, Resources.unique("DN"), "Lê", "Văn Bình", "1980-01-02");
    String[] id = new String[1];
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    c -> {
                      id[0] = id(store.create(c, given));
                      throw new IllegalStateException("the work failed");
                    }))
        .hasMessage("the work failed");
    assertThat(store.read("Patient", id[0])).isEmpty();
    Patient created = create(given);
    assertThat(store.read("Patient", id(created))).isPresent();
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  @Test
  void createReadVreadUpdateAndHistory() throws Exception {
    String card = Resources.unique("DN");
    Patient given =
        Resources.patient(Resources.CARD_SYSTEM, card, "Nguyễn", "Văn An", "1990-01-31");
    given.setId("client-chosen");
    Patient stored = create(given);
    assertThat(given.getIdElement().getIdPart()).isEqualTo("client-chosen");
    assertThat(id(stored)).hasSize(26).isNotEqualTo("client-chosen");
    assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
    assertThat(stored.getMeta().getLastUpdated()).isNotNull();
    assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo("1");

    Patient read = (Patient) store.read("Patient", id(stored)).orElseThrow();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Nguyễn");
    assertThat(read.getIdElement().getVersionIdPart()).isEqualTo("1");

    read.getNameFirstRep().setFamily("Trần");
    Patient v2 = store.inTransaction(c -> store.update(c, read, 1));
    assertThat(v2.getMeta().getVersionId()).isEqualTo("2");
    Patient v3 = store.inTransaction(c -> store.update(c, v2, null));
    assertThat(v3.getMeta().getVersionId()).isEqualTo("3");

    assertThat(
            ((Patient) store.vread("Patient", id(stored), 1).orElseThrow())
                .getNameFirstRep()
                .getFamily())
        .isEqualTo("Nguyễn");
    assertThat(store.vread("Patient", id(stored), 4)).isEmpty();
    List<Resource> history = store.history("Patient", id(stored));
    assertThat(history).extracting(r -> r.getMeta().getVersionId()).containsExactly("3", "2", "1");
    assertThat(store.read("Patient", "nope")).isEmpty();
    assertThat(store.read("Patient", "bad id!")).isEmpty();
    assertThat(store.history("Patient", "nope")).isEmpty();
    assertThat(ids("Patient", SearchParams.of("name", "tran van an"))).contains(id(stored));
    assertThat(ids("Patient", SearchParams.of("name", "nguyen"))).doesNotContain(id(stored));
  }

  @Test
  void theStoredJsonIsWhatEncodingTheReadResourceGives() throws Exception {
    Patient stored =
        create(
            Resources.patient(Resources.CARD_SYSTEM, Resources.unique("DN"), "Đỗ", "Mai", "1977"));
    StoredJson json = store.currentJson("Patient", id(stored)).orElseThrow();
    Resource read = store.read("Patient", id(stored)).orElseThrow();
    assertThat(json.json())
        .isEqualTo(FhirContexts.r4().newJsonParser().encodeResourceToString(read));
    assertThat(json.version()).isEqualTo(1);
    assertThat(json.lastUpdated()).isEqualTo(stored.getMeta().getLastUpdated().toInstant());
    assertThat(store.currentJson("Patient", "nope")).isEmpty();
    String patient = id(stored);
    for (Resource given :
        List.of(
            Resources.coverage(patient, Resources.unique("DN")),
            Resources.encounter(patient, Resources.unique("V"), "2026-11-23T07:30:00+07:00", null),
            Resources.eligibility(patient))) {
      Resource created = create(given);
      String type = created.fhirType();
      assertThat(store.currentJson(type, id(created)).orElseThrow().json())
          .as(type)
          .isEqualTo(
              FhirContexts.r4()
                  .newJsonParser()
                  .encodeResourceToString(store.read(type, id(created)).orElseThrow()));
    }
  }

  @Test
  void aReferenceToAnInMemoryResourceIsStoredAsItsId() throws Exception {
    Patient patient =
        create(Resources.patient("urn:x", Resources.unique("P"), "Hồ", "Lan", "1970"));
    String card = Resources.unique("DN");
    Coverage given = Resources.coverage("placeholder", card);
    given.setBeneficiary(new org.hl7.fhir.r4.model.Reference(patient));
    Coverage stored = create(given);
    Coverage read = (Coverage) store.read("Coverage", id(stored)).orElseThrow();
    assertThat(read.getBeneficiary().getReference()).isEqualTo("Patient/" + id(patient));
    assertThat(read.getContained()).isEmpty();
    assertThat(store.currentJson("Coverage", id(stored)).orElseThrow().json())
        .contains("\"reference\":\"Patient/" + id(patient) + "\"");
    assertThat(ids("Coverage", SearchParams.of("beneficiary", "Patient/" + id(patient))))
        .containsExactly(id(stored));
  }

  @Test
  void aCachedCurrentVersionNeverLagsThisStoresWrites() throws Exception {
    Patient v1 = create(Resources.patient("urn:x", Resources.unique("P"), "Phan", "Thu", "1992"));
    String id = id(v1);
    assertThat(store.currentJson("Patient", id).orElseThrow().version()).isEqualTo(1);
    assertThat(store.cachedJson("Patient", id)).isPresent();
    Patient last = v1;
    ExecutorService readers = Executors.newFixedThreadPool(4);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> reads = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      reads.add(
          readers.submit(
              () -> {
                while (writing.get()) {
                  store.currentJson("Patient", id);
                }
                return null;
              }));
    }
    for (int v = 2; v <= 30; v++) {
      Patient current = last;
      last = store.inTransaction(c -> store.update(c, current, null));
      assertThat(store.currentJson("Patient", id).orElseThrow().version()).isEqualTo(v);
    }
    writing.set(false);
    for (Future<?> f : reads) {
      f.get();
    }
    readers.shutdown();
    assertThat(store.currentJson("Patient", id).orElseThrow().version()).isEqualTo(30);
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    c -> {
                      store.update(c, (Patient) store.read(c, "Patient", id).orElseThrow(), 30);
                      throw new IllegalStateException("rolled back");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.currentJson("Patient", id).orElseThrow().version()).isEqualTo(30);
  }

  @Test
  void aStaleVersionIs412AndNothingChanges() throws Exception {
    Patient stored =
        create(Resources.patient("urn:x", Resources.unique("P"), "Lê", "Hưng", "1985"));
    store.inTransaction(c -> store.update(c, stored, 1));
    assertThatThrownBy(() -> store.inTransaction(c -> store.update(c, stored, 1)))
        .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(412));
    assertThat(store.read("Patient", id(stored)).orElseThrow().getMeta().getVersionId())
        .isEqualTo("2");
  }

  @Test
  void anUpdateOfAnUnknownIdCreatesItUnlessAVersionIsExpected() throws Exception {
    String id = Resources.unique("client-");
    Patient p = Resources.patient("urn:x", Resources.unique("P"), "Võ", "Dũng", "1968-11-02");
    p.setId(id);
    assertThatThrownBy(() -> store.inTransaction(c -> store.update(c, p, 1)))
        .isInstanceOfSatisfying(FhirProblem.class, e -> assertThat(e.status()).isEqualTo(412));
    Patient created = store.inTransaction(c -> store.update(c, p, null));
    assertThat(id(created)).isEqualTo(id);
    assertThat(created.getMeta().getVersionId()).isEqualTo("1");
    p.setId((String) null);
    assertThatThrownBy(() -> store.inTransaction(c -> store.update(c, p, null)))
        .isInstanceOfSatisfying(FhirProblem.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aFailedTransactionLeavesNothing() throws Exception {
    String card = Resources.unique("DN");
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    c -> {
                      store.create(
                          c, Resources.patient(Resources.CARD_SYSTEM, card, "A", "B", "1990"));
                      throw new IllegalStateException("check-in failed");
                    }))
        .hasMessage("check-in failed");
    assertThat(ids("Patient", SearchParams.of("identifier", card))).isEmpty();
  }

  @Test
  void patientsAreFoundByIdentifierNameAndBirthDate() throws Exception {
    String card = Resources.unique("DN");
    String other = Resources.unique("CCCD");
    Patient full = Resources.patient(Resources.CARD_SYSTEM, card, "Đặng", "Ngọc Lan", "2004-05-20");
    full.addIdentifier().setValue(other);
    String a = id(create(full));
    String b =
        id(
            create(
                Resources.patient(
                    Resources.CARD_SYSTEM, Resources.unique("DN"), "Đặng", "Ngọc Ánh", "2004")));

    assertThat(ids("Patient", SearchParams.of("identifier", Resources.CARD_SYSTEM + "|" + card)))
        .containsExactly(a);
    assertThat(ids("Patient", SearchParams.of("identifier", card))).containsExactly(a);
    assertThat(ids("Patient", SearchParams.of("identifier", "urn:other|" + card))).isEmpty();
    assertThat(ids("Patient", SearchParams.of("identifier", "|" + other))).containsExactly(a);
    assertThat(ids("Patient", SearchParams.of("identifier", "|" + card))).isEmpty();

    assertThat(ids("Patient", SearchParams.of("name", "dang ngoc"))).contains(a, b);
    assertThat(ids("Patient", SearchParams.of("name", "ĐẶNG NGỌC LA")))
        .contains(a)
        .doesNotContain(b);
    assertThat(ids("Patient", SearchParams.of("name", "anh"))).contains(b).doesNotContain(a);
    assertThat(ids("Patient", SearchParams.of("name:exact", "Đặng Ngọc Lan"))).contains(a);
    assertThat(ids("Patient", SearchParams.of("name:exact", "dang ngoc lan"))).doesNotContain(a);

    SearchParams dang = SearchParams.of("name", "dang ngoc");
    assertThat(ids("Patient", dang.with("birthdate", "2004-05-20")))
        .containsExactlyInAnyOrder(a, b);
    assertThat(ids("Patient", dang.with("birthdate", "2004"))).containsExactlyInAnyOrder(a, b);
    assertThat(ids("Patient", dang.with("birthdate", "2004-05"))).containsExactlyInAnyOrder(a, b);
    assertThat(ids("Patient", dang.with("birthdate", "2005"))).isEmpty();
    assertThat(ids("Patient", dang.with("birthdate", "ge2004-06-01"))).containsExactly(b);
    assertThat(ids("Patient", dang.with("birthdate", "gt2004-05-20"))).containsExactly(b);
    assertThat(ids("Patient", dang.with("birthdate", "le2004-01"))).containsExactly(b);
    assertThat(ids("Patient", dang.with("birthdate", "lt2004-05-20"))).containsExactly(b);
    assertThat(ids("Patient", dang.with("birthdate", "lt2004"))).isEmpty();
    assertThat(ids("Patient", dang.with("birthdate", "ge2005"))).isEmpty();
    assertThat(ids("Patient", dang.with("birthdate", "ne2004-05-20"))).isEmpty();
    assertThat(ids("Patient", dang.with("birthdate", "ne2003"))).containsExactlyInAnyOrder(a, b);
    assertThat(ids("Patient", dang.with("_id", a))).containsExactly(a);
    assertThat(ids("Patient", dang.with("identifier", card).with("birthdate", "2004")))
        .containsExactly(a);
  }

  @Test
  void coveragesEncountersAndEligibilityResponsesAreFoundByPatientAlsoWhenCreatedTogether()
      throws Exception {
    String p =
        id(
            create(
                Resources.patient(
                    "urn:x", Resources.unique("P"), "Phạm", "Minh Châu", "1975-03-12")));
    String card = Resources.unique("HC");
    String cov = id(create(Resources.coverage(p, card)));
    String visit = Resources.unique("V");
    List<Resource> together =
        store.inTransaction(
            c ->
                store.create(
                    c,
                    List.of(
                        Resources.encounter(
                            p, visit, "2026-11-20T08:00:00+07:00", "2026-11-20T09:30:00+07:00"),
                        Resources.encounter(
                            p, Resources.unique("V"), "2026-11-23T07:30:00+07:00", null),
                        Resources.eligibility(p))));
    String done = id(together.get(0));
    String open = id(together.get(1));
    String cer = id(together.get(2));
    assertThat(Set.of(done, open, cer)).hasSize(3);
    assertThat(store.read("Encounter", open).orElseThrow().getMeta().getVersionId()).isEqualTo("1");

    assertThat(ids("Coverage", SearchParams.of("beneficiary", "Patient/" + p)))
        .containsExactly(cov);
    assertThat(ids("Coverage", SearchParams.of("patient", p))).containsExactly(cov);
    assertThat(ids("Coverage", SearchParams.of("subscriber-id", card))).containsExactly(cov);
    assertThat(ids("CoverageEligibilityResponse", SearchParams.of("patient", p)))
        .containsExactly(cer);

    SearchParams mine = SearchParams.of("patient", p);
    assertThat(ids("Encounter", mine)).containsExactlyInAnyOrder(done, open);
    assertThat(ids("Encounter", mine.with("identifier", "urn:bhyt:visit|" + visit)))
        .containsExactly(done);
    assertThat(ids("Encounter", mine.with("status", "in-progress"))).containsExactly(open);
    assertThat(
            ids("Encounter", mine.with("status", "http://hl7.org/fhir/encounter-status|finished")))
        .containsExactly(done);
    assertThat(ids("Encounter", mine.with("date", "2026-11-20"))).containsExactly(done);
    assertThat(ids("Encounter", mine.with("date", "2026-11-25"))).containsExactly(open);
    assertThat(ids("Encounter", mine.with("date", "2026-11")))
        .containsExactlyInAnyOrder(done, open);
    assertThat(ids("Encounter", mine.with("date", "2026-11-20T09:00"))).containsExactly(done);
    assertThat(ids("Encounter", mine.with("date", "ge2026-11-21"))).containsExactly(open);
    assertThat(ids("Encounter", mine.with("date", "lt2026-11-21"))).containsExactly(done);
    assertThat(ids("Encounter", mine.with("date", "ge2026-11-21").with("date", "le2026-11-22")))
        .isEmpty();
    assertThat(ids("Encounter", mine.with("date", "sa2026-11-21"))).containsExactly(open);
    assertThat(ids("Encounter", mine.with("date", "eb2026-11-21"))).containsExactly(done);
  }

  static Organization organization(String code) {
    Organization o = new Organization().setName("Bệnh viện " + code);
    o.addIdentifier().setSystem(Identifiers.FACILITY).setValue(code);
    return o;
  }

  @Test
  void organizationIdentifierSearchMatchesOrganizationsOfEveryWritePath() throws Exception {
    String created = Resources.unique("C");
    String together = Resources.unique("T");
    String conditional = Resources.unique("K");
    String updated = Resources.unique("U");
    String a = id(create(organization(created)));
    Organization b = organization(together);
    b.setId(store.newId());
    store.createAll(List.of(new FhirStore.Creation(b, null)));
    String k =
        id(
            store
                .inTransaction(
                    c ->
                        store.createIfNoneExist(
                            c,
                            organization(conditional),
                            "identifier=" + Identifiers.FACILITY + "|" + conditional))
                .resource());
    Organization u = organization(updated);
    u.setId(store.newId());
    store.inTransaction(c -> store.update(c, u, null));
    assertThat(ids("Organization", SearchParams.of("identifier", created))).containsExactly(a);
    assertThat(ids("Organization", SearchParams.of("identifier", together))).containsExactly(id(b));
    assertThat(
            ids(
                "Organization",
                SearchParams.of("identifier", Identifiers.FACILITY + "|" + conditional)))
        .containsExactly(k);
    assertThat(ids("Organization", SearchParams.of("identifier", updated))).containsExactly(id(u));
  }

  @Test
  void theMigrationIndexesOrganizationsStoredWithoutIndexRows() throws Exception {
    String code = Resources.unique("M");
    String id = id(create(organization(code)));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM fhir_token_index WHERE res_type = 'Organization'");
      assertThat(ids("Organization", SearchParams.of("identifier", code))).isEmpty();
      String script;
      try (var in =
          FhirStoreIT.class.getResourceAsStream(
              "/db/migration/fhir/V9__organization_identifier_index.sql")) {
        script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      s.executeUpdate(script.replaceAll("(?m)^--.*$", ""));
    }
    assertThat(ids("Organization", SearchParams.of("identifier", code))).containsExactly(id);
  }

  @Test
  void patientsStoredWithTheSameNumberBeforeItWasAKeyMatchTheFirstNotSeveral() throws Exception {
    String ssn = Resources.unique("SSN");
    Patient first = create(Resources.patient(Identifiers.SSN, ssn, "Ông", "Văn", "1970"));
    String later = id(create(Resources.patient(Identifiers.SSN, ssn + "x", "Ông", "Văn", "1970")));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE fhir_token_index SET value = '"
              + ssn
              + "' WHERE res_type = 'Patient' AND res_id = '"
              + later
              + "' AND param = 'identifier'");
    }
    String criteria = "identifier=" + Identifiers.SSN + "|" + ssn;
    assertThat(ids("Patient", SearchParams.parse(criteria))).hasSize(2);
    assertThat(store.matches(List.of(store.conditional("Patient", criteria))))
        .containsExactly(Optional.of(id(first)));
    assertThat(
            id(
                store
                    .inTransaction(
                        c ->
                            store.createIfNoneExist(
                                c,
                                Resources.patient(Identifiers.SSN, ssn, "Ông", "Văn", "1970"),
                                criteria))
                    .resource()))
        .isEqualTo(id(first));
  }

  @Test
  void aCheckInBatchWhosePatientsNumberIsTakenMeanwhileIsRunAgain() throws Exception {
    String ssn = Resources.unique("SSN");
    create(Resources.patient(Identifiers.SSN, ssn, "Âu", "Cơ", "1980"));
    Patient mine = Resources.patient(Identifiers.SSN, ssn, "Âu", "Cơ", "1980");
    mine.setId(store.newId());
    assertThatThrownBy(
            () ->
                store.createAll(
                    List.of(
                        new FhirStore.Creation(
                            mine,
                            store.conditional(
                                "Patient", "identifier=" + Identifiers.SSN + "|" + ssn)))))
        .isInstanceOf(FhirStore.ClaimTaken.class);
    assertThat(store.read("Patient", id(mine))).isEmpty();
  }

  @Test
  void lastUpdatedAndIdSearchTheResourceRow() throws Exception {
    Patient p =
        create(Resources.patient("urn:x", Resources.unique("P"), "Lý", "Kim Yến", "1983-06-15"));
    String when = p.getMeta().getLastUpdatedElement().getValueAsString();
    SearchParams byId = SearchParams.of("_id", id(p) + ",OTHER");
    assertThat(ids("Patient", byId)).containsExactly(id(p));
    assertThat(ids("Patient", byId.with("_lastUpdated", when))).containsExactly(id(p));
    assertThat(ids("Patient", byId.with("_lastUpdated", "gt" + when))).isEmpty();
    assertThat(ids("Patient", byId.with("_lastUpdated", "ge" + when))).containsExactly(id(p));
    assertThat(ids("Patient", byId.with("_lastUpdated", "lt" + when))).isEmpty();
    assertThat(ids("Patient", byId.with("_lastUpdated", "le" + when))).containsExactly(id(p));
    assertThat(ids("Patient", byId.with("_lastUpdated", "lt2000"))).isEmpty();
  }

  @Test
  void pagesFollowIdOrderAndCountAll() throws Exception {
    String family = Resources.unique("Fam");
    for (int i = 0; i < 7; i++) {
      create(Resources.patient("urn:x", Resources.unique("P"), family, "G" + i, "1990"));
    }
    SearchParams byName = SearchParams.of("name", family);
    SearchPage first = store.search("Patient", byName, new Paging(0, 3));
    SearchPage second = store.search("Patient", byName, new Paging(3, 3));
    SearchPage last = store.search("Patient", byName, new Paging(6, 3));
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.resources()).hasSize(3);
    assertThat(second.resources()).hasSize(3);
    assertThat(last.resources()).hasSize(1);
    assertThat(store.search("Patient", byName, new Paging(9, 3)).resources()).isEmpty();
    assertThat(store.search("Patient", byName, new Paging(0, 0)).total()).isEqualTo(7);
    List<String> order =
        java.util.stream.Stream.of(first, second, last)
            .flatMap(page -> page.resources().stream())
            .map(FhirStoreIT::id)
            .toList();
    assertThat(order).isSorted().doesNotHaveDuplicates().hasSize(7);
  }

  @Test
  void conditionalCreateAnswersTheMatchOrRefusesSeveral() throws Exception {
    String card = Resources.unique("DN");
    String criteria = "identifier=" + Resources.CARD_SYSTEM + "|" + card;
    Patient p = Resources.patient(Resources.CARD_SYSTEM, card, "Dương", "Gia Bảo", "1995-04-30");
    Created<Patient> first = store.inTransaction(c -> store.createIfNoneExist(c, p, criteria));
    Created<Patient> again =
        store.inTransaction(c -> store.createIfNoneExist(c, p, "Patient?" + criteria));
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(id(again.resource())).isEqualTo(id(first.resource()));
    assertThat(again.resource().getIdElement().getVersionIdPart()).isEqualTo("1");

    String shared = Resources.unique("S");
    create(Resources.patient("urn:x", shared, "A", "B", "1990"));
    create(Resources.patient("urn:x", shared, "A", "C", "1990"));
    assertThatThrownBy(
            () -> store.inTransaction(c -> store.createIfNoneExist(c, p, "identifier=" + shared)))
        .isInstanceOfSatisfying(FhirProblem.class, e -> assertThat(e.status()).isEqualTo(412));
  }

  @Test
  void aResourceUpdatedAwayFromItsCriteriaNoLongerAnswersThem() throws Exception {
    String card = Resources.unique("DN");
    String criteria = "identifier=" + card;
    Patient p = Resources.patient("urn:x", card, "Hồ", "Thu", "1970");
    Patient first = store.inTransaction(c -> store.createIfNoneExist(c, p, criteria)).resource();
    Patient keeps = store.inTransaction(c -> store.update(c, first.copy().setGender(null), null));
    assertThat(store.inTransaction(c -> store.createIfNoneExist(c, p, criteria)).created())
        .isFalse();
    keeps.getIdentifierFirstRep().setValue(Resources.unique("NEW"));
    store.inTransaction(c -> store.update(c, keeps, 2));
    Created<Patient> second = store.inTransaction(c -> store.createIfNoneExist(c, p, criteria));
    assertThat(second.created()).isTrue();
    assertThat(id(second.resource())).isNotEqualTo(id(first));
  }

  @Test
  void writesInOneTransactionSeeEachOther() throws Exception {
    String card = Resources.unique("DN");
    List<Resource> written =
        store.inTransaction(
            c -> {
              Patient p =
                  store
                      .createIfNoneExist(
                          c,
                          Resources.patient(Resources.CARD_SYSTEM, card, "A", "B", "1990"),
                          "identifier=" + card)
                      .resource();
              Coverage cov = store.create(c, Resources.coverage(id(p), card));
              Encounter e =
                  store.create(
                      c,
                      Resources.encounter(
                          id(p), Resources.unique("V"), "2026-11-23T08:00:00+07:00", null));
              CoverageEligibilityResponse r = store.create(c, Resources.eligibility(id(p)));
              SearchPage mine =
                  store.search(
                      c, "Coverage", SearchParams.of("subscriber-id", card), Paging.first());
              assertThat(mine.total()).isEqualTo(1);
              assertThat(store.read(c, "Patient", id(p))).isPresent();
              return List.of(p, cov, e, r);
            });
    assertThat(written).hasSize(4);
    assertThat(ids("Encounter", SearchParams.of("patient", id(written.get(0))))).hasSize(1);
  }

  @Test
  void createAllWritesResourcesThatReferToEachOtherAndClaimsTheirCriteria() throws Exception {
    String card = Resources.unique("DN");
    String criteria = "identifier=" + Resources.CARD_SYSTEM + "|" + card;
    FhirStore.Conditional patients = store.conditional("Patient", criteria);
    assertThat(store.matches(List.of(patients))).containsExactly(Optional.empty());

    Patient p = withNewId(Resources.patient(Resources.CARD_SYSTEM, card, "Võ", "Thị Sáu", "1933"));
    Coverage cov = withNewId(Resources.coverage(id(p), card));
    Encounter e =
        withNewId(
            Resources.encounter(id(p), Resources.unique("V"), "2026-11-24T08:00:00+07:00", null));
    List<Resource> stored =
        store.createAll(
            List.of(
                new FhirStore.Creation(p, patients),
                new FhirStore.Creation(cov, null),
                new FhirStore.Creation(e, null)));

    assertThat(stored).extracting(FhirStoreIT::id).containsExactly(id(p), id(cov), id(e));
    assertThat(stored).allSatisfy(r -> assertThat(r.getMeta().getVersionId()).isEqualTo("1"));
    assertThat(store.read("Patient", id(p))).isPresent();
    assertThat(ids("Coverage", SearchParams.of("beneficiary", "Patient/" + id(p))))
        .containsExactly(id(cov));
    assertThat(ids("Encounter", SearchParams.of("patient", id(p)))).containsExactly(id(e));
    assertThat(store.matches(List.of(patients, patients)))
        .containsExactly(Optional.of(id(p)), Optional.of(id(p)));
    assertThat(store.inTransaction(c -> store.createIfNoneExist(c, p, criteria)).created())
        .isFalse();

    Patient late = withNewId(p.copy());
    Encounter lateVisit =
        withNewId(
            Resources.encounter(
                id(late), Resources.unique("V"), "2026-11-24T09:00:00+07:00", null));
    assertThatThrownBy(
            () ->
                store.createAll(
                    List.of(
                        new FhirStore.Creation(late, patients),
                        new FhirStore.Creation(lateVisit, null))))
        .isInstanceOf(FhirStore.ClaimTaken.class);
    assertThat(store.read("Patient", id(late))).isEmpty();
    assertThat(store.read("Encounter", id(lateVisit))).isEmpty();
  }

  @Test
  void matchesAnswersEachCriteriaInTurnAndRefusesSeveral() throws Exception {
    String shared = Resources.unique("S");
    Patient one = create(Resources.patient("urn:x", shared, "A", "B", "1990"));
    String alone = Resources.unique("A");
    Patient other = create(Resources.patient("urn:x", alone, "C", "D", "1991"));
    assertThat(
            store.matches(
                List.of(
                    store.conditional("Patient", "identifier=" + shared),
                    store.conditional("Patient", "identifier=" + Resources.unique("N")),
                    store.conditional("Patient", "identifier=urn:x|" + alone))))
        .containsExactly(Optional.of(id(one)), Optional.empty(), Optional.of(id(other)));
    create(Resources.patient("urn:x", shared, "A", "C", "1990"));
    assertThatThrownBy(
            () ->
                store.matches(
                    List.of(
                        store.conditional("Patient", "identifier=" + alone),
                        store.conditional("Patient", "identifier=" + shared))))
        .isInstanceOfSatisfying(FhirProblem.class, e -> assertThat(e.status()).isEqualTo(412));
  }

  /**
   * A create that fails after some of its rows are in leaves none of them, also when its connection
   * goes on to the next one: the pool here has that one connection.
   */
  @Test
  void aFailedCreateAllLeavesNothingOnTheConnectionItReturns() throws Exception {
    GatewayConfig.Db config = db.config();
    try (HikariDataSource one =
        Database.open(
            new GatewayConfig.Db(config.url(), config.user(), config.password(), 1), null)) {
      FhirStore single = new FhirStore(one, FhirContexts.r4());
      Patient existing =
          create(Resources.patient("urn:x", Resources.unique("E"), "E", "F", "1990"));
      String card = Resources.unique("DN");
      String criteria = "identifier=urn:x|" + card;
      Patient p = withNewId(Resources.patient("urn:x", card, "G", "H", "1992"));
      Patient clash = Resources.patient("urn:x", Resources.unique("C"), "I", "K", "1993");
      clash.setId(id(existing));

      assertThatThrownBy(
              () ->
                  single.createAll(
                      List.of(
                          new FhirStore.Creation(p, single.conditional("Patient", criteria)),
                          new FhirStore.Creation(clash, null))))
          .isInstanceOf(SQLException.class)
          .isNotInstanceOf(FhirStore.ClaimTaken.class);
      Encounter next =
          withNewId(
              Resources.encounter(
                  id(existing), Resources.unique("V"), "2026-11-24T10:00:00+07:00", null));
      single.createAll(List.of(new FhirStore.Creation(next, null)));

      assertThat(store.read("Encounter", id(next))).isPresent();
      assertThat(store.read("Patient", id(p))).isEmpty();
      assertThat(store.matches(List.of(store.conditional("Patient", criteria))))
          .containsExactly(Optional.empty());
      Patient again = withNewId(p.copy());
      single.createAll(
          List.of(new FhirStore.Creation(again, single.conditional("Patient", criteria))));
      assertThat(store.matches(List.of(store.conditional("Patient", criteria))))
          .containsExactly(Optional.of(id(again)));
      assertThat(store.read("Patient", id(existing)).orElseThrow().getMeta().getVersionId())
          .isEqualTo("1");
    }
  }

  static <T extends Resource> T withNewId(T resource) {
    resource.setId(store.newId());
    return resource;
  }

  @Test
  void storedJsonKeepsIdAndMeta() throws Exception {
    Patient p =
        create(Resources.patient("urn:x", Resources.unique("P"), "Mai", "Anh", "2000-02-29"));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT body FROM fhir_resource_version WHERE res_id = '" + id(p) + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1))
          .startsWith("{\"resourceType\":\"Patient\",\"id\":\"" + id(p) + "\"")
          .contains("\"versionId\":\"1\"")
          .contains("\"lastUpdated\":\"")
          .contains("+00:00\"");
    }
  }
}
