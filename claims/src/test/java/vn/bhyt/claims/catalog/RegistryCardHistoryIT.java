package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.assessment.CardPeriod;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.registry.JdbcCardTerms;
import vn.bhyt.verifier.registry.RegistryImporter;

/** The registry as a card history, against a real MariaDB loaded by the registry import. */
class RegistryCardHistoryIT {
  static final String HEADER =
      "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,status,"
          + "replaced_by,benefit_level,group_code\n";
  static TestDatabase db;
  static RegistryCardHistory history;

  @BeforeAll
  static void load() throws Exception {
    db = TestDatabase.create();
    new RegistryImporter(db.dataSource())
        .importCsv(
            new StringReader(
                HEADER
                    + "DN4797900000001,An,1990,male,79034,2026-01-01,2026-12-31,active,,4,DN\n"
                    + "GD4790000000010,Dũng,1968,male,79034,2025-01-01,2025-12-31,active,"
                    + "7900000010,4,GD\n"
                    + "7900000010,Dũng,1968,male,79034,2026-01-01,,active,,4,GD\n"
                    + "HS4790900400931,Bình,2008,female,79034,2026-01-01,2026-12-31,revoked,,4,HS\n"
                    + "HC4797900000002,Châu,1975,female,79034,2025-01-01,2025-06-30,reduced,,4,HC\n"
                    + "DN4797900000005,No dates,1980,male,79034,,,active,,4,DN\n"
                    + "DN4797900000006,End only,1980,male,79034,,2025-12-31,expired,,,DN\n"),
            n -> {});
    history = new RegistryCardHistory(new JdbcCardTerms(db.dataSource()));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void aCardGivesItsPeriodAndLevel() {
    assertThat(history.periods("DN4797900000001"))
        .containsExactly(new CardPeriod(d("2026-01-01"), d("2026-12-31"), 4));
    assertThat(history.periods(" dn4797900000001 "))
        .as("numbers as typed")
        .containsExactly(new CardPeriod(d("2026-01-01"), d("2026-12-31"), 4));
    assertThat(history.periods("HC4797900000002"))
        .containsExactly(new CardPeriod(d("2025-01-01"), d("2025-06-30"), 4));
  }

  @Test
  void aReplacedCardAndItsReplacementAnswerSeparately() {
    assertThat(history.periods("GD4790000000010"))
        .containsExactly(new CardPeriod(d("2025-01-01"), d("2025-12-31"), 4));
    CardPeriod current = history.periods("7900000010").get(0);
    assertThat(current).isEqualTo(new CardPeriod(d("2026-01-01"), null, 4));
    assertThat(current.covers(d("2040-01-01"))).isTrue();
  }

  @Test
  void aRevokedCardIsNeverValid() {
    assertThat(history.periods("HS4790900400931")).containsExactly(RegistryCardHistory.NEVER);
    assertThat(RegistryCardHistory.NEVER.covers(d("2026-06-01"))).isFalse();
    assertThat(RegistryCardHistory.NEVER.covers(d("0001-01-01"))).isFalse();
  }

  @Test
  void missingDatesAreOpenAndACardWithoutDatesGivesNoPeriod() {
    assertThat(history.periods("DN4797900000005")).isEmpty();
    assertThat(history.periods("DN4797900000006"))
        .containsExactly(new CardPeriod(LocalDate.MIN, d("2025-12-31"), null));
  }

  @Test
  void unknownCardsGiveNoPeriod() {
    assertThat(history.periods("DN4799999999999")).isEmpty();
    assertThat(history.periods("")).isEmpty();
    assertThat(history.periods(null)).isEmpty();
  }

  @Test
  void manyCardsAtOnceAnswerAsEachAlone() {
    List<String> numbers =
        Arrays.asList(
            "DN4797900000001",
            " dn4797900000001 ",
            "GD4790000000010",
            "7900000010",
            "HS4790900400931",
            "DN4797900000005",
            "DN4797900000006",
            "DN4799999999999",
            "",
            null);
    Map<String, List<CardPeriod>> all = history.periodsOf(numbers);
    assertThat(all).hasSize(numbers.size());
    for (String number : numbers) {
      assertThat(all.get(number)).as(number).isEqualTo(history.periods(number));
    }
  }
}
