package vn.bhyt.verifier.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.persistence.Plans;
import vn.bhyt.persistence.TestDatabase;
import vn.bhyt.verifier.rules.CardStatus;

/** Card terms read from a real MariaDB loaded by the registry import. */
class JdbcCardTermsIT {
  static final String HEADER =
      "card_number,name,birth_date,sex,registered_facility,valid_from,valid_to,status,"
          + "replaced_by,benefit_level,group_code\n";
  static TestDatabase db;
  static JdbcCardTerms terms;

  @BeforeAll
  static void load() throws Exception {
    db = TestDatabase.create();
    StringBuilder csv = new StringBuilder(HEADER);
    csv.append("HS4790900400931,Bình,2008,female,79034,2026-01-01,2026-12-31,revoked,,4,HS\n");
    csv.append("7900000010,Dũng,1968,male,79034,2026-01-01,,active,,,GD\n");
    for (int i = 0; i < 1_200; i++) {
      csv.append(
          String.format("DN479790%07d,An,1990,male,79034,2026-01-01,2026-12-31,,,4,DN%n", i));
    }
    new RegistryImporter(db.dataSource()).importCsv(new StringReader(csv.toString()), n -> {});
    terms = new JdbcCardTerms(db.dataSource());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void aCardsTermIsItsRowsDatesLevelAndStatus() {
    CardNumber revoked = CardNumber.of("HS4790900400931");
    CardNumber open = CardNumber.of("7900000010");
    Map<CardNumber, CardTerm> found =
        terms.of(List.of(revoked, open, CardNumber.of("DN4799999999999")));
    assertThat(found)
        .containsOnlyKeys(revoked, open)
        .containsEntry(
            revoked,
            new CardTerm(
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                4,
                CardStatus.REVOKED))
        .containsEntry(
            open, new CardTerm(LocalDate.parse("2026-01-01"), null, null, CardStatus.ACTIVE));
  }

  @Test
  void moreCardsThanOneStatementTakesAreAllRead() {
    List<CardNumber> numbers = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      numbers.add(CardNumber.of(String.format("DN479790%07d", i)));
    }
    assertThat(JdbcCardTerms.BATCH).isLessThan(numbers.size() / 2);
    assertThat(terms.of(numbers)).hasSize(numbers.size());
  }

  @Test
  void aLookupReadsRowsByPrimaryKey() throws Exception {
    assertThat(Plans.fullScans(db.dataSource(), JdbcCardTerms.BY_NUMBER, "DN4797900000001"))
        .isEmpty();
  }
}
