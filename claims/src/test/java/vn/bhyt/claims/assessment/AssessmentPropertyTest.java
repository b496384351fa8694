package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.REFERENCE;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;

/** Generated clean visits: their totals add up and the standard rules find nothing in them. */
class AssessmentPropertyTest {
  static final Assessor ASSESSOR = new Assessor(RuleBook.standard(REFERENCE, CLAIMS, Set.of()));
  static final int[] GROUPS = {1, 2, 3, 8, 9, 10, 12, 13, 18};
  static final List<String> RATIOS = List.of("100", "100", "80", "70", "50");

  static long[] seeds() {
    return LineMoneyTest.seeds();
  }

  record Visit(ClaimDossier dossier, List<Dossiers.LineBuilder> lines) {}

  /** A visit of 1 to 30 random lines, each of its own code; its benefit follows its size. */
  static Visit generate(Random random) {
    List<Dossiers.LineBuilder> lines = new ArrayList<>();
    Dossiers visit = aVisit();
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      Dossiers.LineBuilder line = randomLine(random, i);
      lines.add(line);
      visit.withLine(line);
    }
    ClaimDossier dossier = visit.build();
    BigDecimal insured = Totals.of(ClaimFacts.of(dossier, Dossiers.RECEIVED)).insured();
    if (insured.compareTo(new BigDecimal("351000")) < 0) {
      dossier = visit.withBenefit("100").build();
    }
    return new Visit(dossier, lines);
  }

  private static Dossiers.LineBuilder randomLine(Random random, int i) {
    String price = BigDecimal.valueOf(random.nextInt(300_000_000)).movePointLeft(2).toPlainString();
    String quantity =
        BigDecimal.valueOf(1 + random.nextInt(12)).divide(new BigDecimal(4)).toPlainString();
    String insuredRatio = RATIOS.get(random.nextInt(RATIOS.size()));
    Dossiers.LineBuilder line;
    if (random.nextInt(3) == 0) {
      line = Dossiers.drug("D" + i, quantity, price).insuredRatio(insuredRatio);
    } else {
      int group = GROUPS[random.nextInt(GROUPS.length)];
      line =
          Dossiers.service("S" + i, group, group == 13 ? "1" : quantity, price)
              .serviceRatio(RATIOS.get(random.nextInt(RATIOS.size())))
              .insuredRatio(insuredRatio);
    }
    if (random.nextInt(5) == 0) {
      line.otherSources(BigDecimal.valueOf(random.nextInt(1000)).toPlainString());
    }
    return line;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aCleanGeneratedVisitHasNoFindings(long seed) {
    Visit v = generate(new Random(seed));
    InMemoryPrices prices = new InMemoryPrices();
    for (var row : v.dossier().rows("XML2")) {
      prices.price(row.text("MA_THUOC"), row.text("DON_GIA"));
    }
    for (var row : v.dossier().rows("XML3")) {
      prices.price(row.text("MA_DICH_VU"), row.text("DON_GIA_BH"));
    }
    Assessment a = ASSESSOR.assess(v.dossier(), AssessorTest.knowing(prices));
    assertThat(a.findings()).isEmpty();
    assertThat(a.status()).isEqualTo(AssessmentStatus.ACCEPTED);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void totalsAreTheSumsOfTheLinesAndTheSharesAddUp(long seed) {
    Visit v = generate(new Random(seed));
    Totals t = ASSESSOR.assess(v.dossier(), Dossiers.nothingKnown()).totals();
    assertThat(t.fundShare().add(t.coPayment()).add(t.otherSources()))
        .isEqualByComparingTo(t.insured());
    assertThat(t.patientPaid().add(t.insured())).isEqualByComparingTo(t.hospital());
    assertThat(t.hospital())
        .isEqualByComparingTo(sum(v.lines(), LineMoney::hospital))
        .isEqualByComparingTo(new BigDecimal(summary(v, "T_TONGCHI_BV")));
    assertThat(t.fundShare()).isEqualByComparingTo(sum(v.lines(), LineMoney::fundShare));
    assertThat(t.insured()).isEqualByComparingTo(new BigDecimal(summary(v, "T_TONGCHI_BH")));
    assertThat(t.hospital().scale()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aLineAmountMovedBeyondOneDongIsFound(long seed) {
    Random random = new Random(seed);
    ClaimDossier d = generate(random).dossier();
    String table = d.rows("XML3").isEmpty() ? "XML2" : "XML3";
    ClaimRow row = d.rows(table).get(random.nextInt(d.rows(table).size()));
    Map<String, String> fields = new HashMap<>(row.fields());
    fields.put(
        "T_BHTT", new BigDecimal(row.text("T_BHTT")).add(new BigDecimal("1.01")).toPlainString());
    ClaimDossier moved =
        new ClaimDossier(
            ClaimFormat.QD130,
            Dossiers.FACILITY,
            1,
            List.of(new ClaimTable(table, List.of(new ClaimRow(row.line(), fields)))),
            List.of());
    Findings out = new Findings(new LineMoneyRule().info());
    new LineMoneyRule()
        .check(ClaimFacts.of(moved, Dossiers.RECEIVED), Dossiers.nothingKnown(), out);
    assertThat(out.list()).extracting(Finding::code).contains("MONEY_LINE_BHTT");
  }

  private static String summary(Visit v, String field) {
    return v.dossier().summary().orElseThrow().text(field);
  }

  private static BigDecimal sum(
      List<Dossiers.LineBuilder> lines, java.util.function.Function<LineMoney, BigDecimal> f) {
    return lines.stream().map(l -> f.apply(l.money())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
