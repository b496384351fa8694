package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import vn.bhyt.config.GatewayConfig;
import vn.bhyt.persistence.Database;
import vn.bhyt.persistence.TestDatabase;

/**
 * Twenty transactions conditionally create the same patient at the same moment: one patient is
 * stored and all twenty answer it. Each transaction reads first, so its REPEATABLE READ snapshot
 * predates the winner's commit, the case a plain read after the duplicate-key error gets wrong.
 */
class ConditionalCreateRaceIT {
  static final int RACERS = 20;
  static TestDatabase db;
  static HikariDataSource pool;
  static FhirStore store;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    GatewayConfig.Db c = db.config();
    pool = Database.open(new GatewayConfig.Db(c.url(), c.user(), c.password(), RACERS + 2), null);
    store = new FhirStore(pool, FhirContexts.r4());
  }

  @AfterAll
  static void close() {
    pool.close();
    db.close();
  }

  @RepeatedTest(3)
  void twentyRacersCreateOnePatient() throws Exception {
    String card = Resources.unique("DN");
    List<Created<Patient>> answers =
        race(i -> "identifier=" + Resources.CARD_SYSTEM + "|" + card, card);
    assertOnePatient(card, answers);
  }

  @Test
  void differentSpellingsOfTheCriteriaStillCreateOne() throws Exception {
    String card = Resources.unique("DN");
    List<Created<Patient>> answers =
        race(
            i ->
                switch (i % 3) {
                  case 0 -> "identifier=" + Resources.CARD_SYSTEM + "|" + card;
                  case 1 -> "Patient?identifier=https%3A%2F%2Fbhxh.gov.vn%2Fthe-bhyt%7C" + card;
                  default ->
                      "http://gw/fhir/Patient?identifier=" + Resources.CARD_SYSTEM + "|" + card;
                },
            card);
    assertOnePatient(card, answers);
  }

  /**
   * The same race through {@link FhirStore#matches} and {@link FhirStore#createAll}, as check-ins
   * run it: all search before any creates, the losers' claims fail and their retries find the one.
   */
  @RepeatedTest(3)
  void twentyRacersCreatingTogetherStoreOnePatient() throws Exception {
    String card = Resources.unique("DN");
    FhirStore.Conditional criteria =
        store.conditional("Patient", "identifier=" + Resources.CARD_SYSTEM + "|" + card);
    CyclicBarrier searched = new CyclicBarrier(RACERS);
    AtomicInteger attempts = new AtomicInteger();
    List<String> answers =
        race(
            racer ->
                FhirStore.retried(
                    () -> {
                      Optional<String> found = store.matches(List.of(criteria)).get(0);
                      if (attempts.incrementAndGet() <= RACERS) {
                        await(searched);
                      }
                      if (found.isPresent()) {
                        return found.get();
                      }
                      Patient p =
                          Resources.patient(
                              Resources.CARD_SYSTEM, card, "Racer", "" + racer, "1990");
                      p.setId(store.newId());
                      store.createAll(List.of(new FhirStore.Creation(p, criteria)));
                      return p.getIdElement().getIdPart();
                    }));
    assertThat(answers).hasSize(RACERS);
    assertThat(answers.stream().distinct()).hasSize(1);
    assertThat(attempts.get()).as("searches, the losers' retries included").isGreaterThan(RACERS);
    assertThat(patientsWith(card)).isEqualTo(1);
  }

  interface CriteriaOf {
    String of(int racer);
  }

  private static List<Created<Patient>> race(CriteriaOf criteria, String card) throws Exception {
    CyclicBarrier start = new CyclicBarrier(RACERS);
    return race(
        racer ->
            store.inTransaction(
                c -> {
                  takeSnapshot(c);
                  await(start);
                  Patient p =
                      Resources.patient(Resources.CARD_SYSTEM, card, "Racer", "" + racer, "1990");
                  return store.createIfNoneExist(c, p, criteria.of(racer));
                }));
  }

  interface Racer<T> {
    T run(int racer) throws Exception;
  }

  /** Runs the racers on threads of their own and answers what each answered, in order. */
  private static <T> List<T> race(Racer<T> racer) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(RACERS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        int n = i;
        futures.add(threads.submit(() -> racer.run(n)));
      }
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void takeSnapshot(Connection c) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM fhir_resource")) {
      rs.next();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertOnePatient(String card, List<Created<Patient>> answers)
      throws Exception {
    assertThat(answers).hasSize(RACERS);
    assertThat(answers.stream().filter(Created::created)).hasSize(1);
    assertThat(answers.stream().map(a -> a.resource().getIdElement().getIdPart()).distinct())
        .hasSize(1);
    assertThat(answers.stream().map(a -> a.resource().getIdentifierFirstRep().getValue()))
        .containsOnly(card);
    assertThat(patientsWith(card)).as("patients with the card").isEqualTo(1);
  }

  private static int patientsWith(String card) throws java.sql.SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM fhir_token_index"
                    + " WHERE res_type = 'Patient' AND param = 'identifier' AND value = ?")) {
      ps.setString(1, card);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
