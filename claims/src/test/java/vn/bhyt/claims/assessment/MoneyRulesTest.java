package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.codes;
import static vn.bhyt.claims.assessment.Checks.run;
import static vn.bhyt.claims.assessment.Dossiers.aVisit;
import static vn.bhyt.claims.assessment.Dossiers.drug;
import static vn.bhyt.claims.assessment.Dossiers.service;
import static vn.bhyt.claims.assessment.Dossiers.supply;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

class MoneyRulesTest {
  final Rule lines = new LineMoneyRule();
  final Rule totals = new SummaryTotalsRule(CLAIMS);
  final Rule identities = new MoneyIdentityRule();

  /** The line of the reference: 2 × 714,500, 70% insured, 80% benefit. */
  static Dossiers.LineBuilder realLine() {
    return service("18.0001.0001", 8, "2", "714500").insuredRatio("70").benefit("80");
  }

  List<String> all(ClaimDossier d) {
    return codes(
        java.util.stream.Stream.of(lines, totals, identities)
            .flatMap(r -> run(r, d).stream())
            .toList());
  }

  @Test
  void theRealLinePassesClean() {
    ClaimDossier d = aVisit().withLine(realLine()).build();
    var row = d.rows("XML3").get(0);
    assertThat(row.text("THANH_TIEN_BV")).isEqualTo("1429000");
    assertThat(row.text("THANH_TIEN_BH")).isEqualTo("1000300");
    assertThat(row.text("T_BNTT")).isEqualTo("428700");
    assertThat(row.text("T_BHTT")).isEqualTo("800240");
    assertThat(row.text("T_BNCCT")).isEqualTo("200060");
    assertThat(all(d)).isEmpty();
  }

  @Test
  void theRealLineAsWrittenByHand() {
    ClaimDossier d =
        aVisit()
            .withLine(
                realLine()
                    .with("THANH_TIEN_BV", "1429000.00")
                    .with("THANH_TIEN_BH", "1000300")
                    .with("T_BNTT", "428700")
                    .with("T_BHTT", "800240")
                    .with("T_BNCCT", "200060"))
            .build();
    assertThat(run(lines, d)).isEmpty();
  }

  @Test
  void aFundShareTwoDongOff() {
    ClaimDossier d = aVisit().withLine(realLine().with("T_BHTT", "800242")).build();
    List<Finding> f = run(lines, d);
    assertThat(codes(f)).containsExactly("MONEY_LINE_BHTT", "MONEY_LINE_BNCCT");
    Finding fund = f.get(0);
    assertThat(fund.table()).isEqualTo("XML3");
    assertThat(fund.line()).isEqualTo(1);
    assertThat(fund.field()).isEqualTo("T_BHTT");
    assertThat(fund.expected()).isEqualTo("800240.00");
    assertThat(fund.actual()).isEqualTo("800242");
    assertThat(fund.rule()).isEqualTo("money.lines@1");
    assertThat(fund.message()).contains("T_BHTT", "800242", "800240.00");
  }

  @Test
  void withinOneDongPerLine() {
    ClaimDossier d =
        aVisit().withLine(realLine().with("T_BHTT", "800241").with("T_BNCCT", "200059")).build();
    assertThat(run(lines, d)).isEmpty();
  }

  @Test
  void everyLineAmountIsChecked() {
    assertThat(
            codes(
                run(lines, aVisit().withLine(realLine().with("THANH_TIEN_BV", "1430000")).build())))
        .containsExactly("MONEY_LINE_BV", "MONEY_LINE_BNTT");
    assertThat(
            codes(
                run(lines, aVisit().withLine(realLine().with("THANH_TIEN_BH", "1429000")).build())))
        .containsExactly("MONEY_LINE_BH", "MONEY_LINE_BNTT", "MONEY_LINE_BHTT", "MONEY_LINE_BNCCT");
    assertThat(codes(run(lines, aVisit().withLine(realLine().with("T_BNTT", "0")).build())))
        .containsExactly("MONEY_LINE_BNTT");
    assertThat(codes(run(lines, aVisit().withLine(realLine().with("T_BNCCT", "0")).build())))
        .containsExactly("MONEY_LINE_BNCCT");
  }

  @Test
  void drugLinesHaveOnePriceAndOtherSourcesComeFirst() {
    ClaimDossier d =
        aVisit()
            .withLine(drug("40.17", "30", "1250.5").insuredRatio("50").otherSources("1000"))
            .withLine(supply("N03", "3", "33333.33").serviceRatio("80"))
            .build();
    assertThat(all(d)).isEmpty();
    assertThat(d.rows("XML2").get(0).text("DON_GIA")).isEqualTo("1250.5");
  }

  @Test
  void unreadableInputsAreLeftToTheFormatRule() {
    ClaimDossier d =
        aVisit().withLine(realLine().with("SO_LUONG", "two").with("MUC_HUONG", "x")).build();
    assertThat(run(lines, d)).isEmpty();
  }

  @Test
  void summaryTotalsAreTheSumsOfTheLines() {
    ClaimDossier d =
        aVisit()
            .withLine(realLine())
            .withLine(drug("40.17", "10", "1250.5"))
            .with("T_BHTT", "900000")
            .with("T_THUOC", "0")
            .build();
    List<Finding> f = run(totals, d);
    assertThat(codes(f)).containsExactlyInAnyOrder("MONEY_TOTAL_BHTT", "MONEY_TOTAL_THUOC");
    assertThat(f)
        .filteredOn(x -> x.code().equals("MONEY_TOTAL_THUOC"))
        .singleElement()
        .satisfies(x -> assertThat(x.expected()).isEqualTo("12505.00"));
  }

  @Test
  void anAbsentDrugTotalCountsAsZero() {
    ClaimDossier d = aVisit().withLine(drug("40.17", "10", "1250.5")).without("T_THUOC").build();
    assertThat(run(totals, d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("MONEY_TOTAL_THUOC");
              assertThat(x.actual()).isNull();
            });
    assertThat(run(totals, aVisit().withLine(realLine()).without("T_THUOC").build())).isEmpty();
  }

  @Test
  void totalsAllowOneDongPerLine() {
    Dossiers three =
        aVisit()
            .withLine(service("A", 1, "1", "100000"))
            .withLine(service("B", 1, "1", "100000"))
            .withLine(service("C", 1, "1", "100000"));
    assertThat(run(totals, three.with("T_TONGCHI_BV", "300003").build())).isEmpty();
    assertThat(codes(run(totals, three.with("T_TONGCHI_BV", "300004").build())))
        .containsExactly("MONEY_TOTAL_BV");
  }

  @Test
  void supplyTotals() {
    ClaimDossier d = aVisit().withLine(supply("N03", "2", "15000")).with("T_VTYT", "0").build();
    assertThat(codes(run(totals, d))).containsExactly("MONEY_TOTAL_VTYT");
  }

  @Test
  void theSummaryIdentities() {
    ClaimDossier clean = aVisit().withLine(realLine()).build();
    assertThat(run(identities, clean)).isEmpty();
    ClaimDossier bv = aVisit().withLine(realLine()).with("T_BNTT", "0").build();
    assertThat(run(identities, bv))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("MONEY_IDENTITY_BV");
              assertThat(x.expected()).isEqualTo("1000300");
            });
    ClaimDossier bh = aVisit().withLine(realLine()).with("T_NGUONKHAC", "5").build();
    assertThat(codes(run(identities, bh))).containsExactly("MONEY_IDENTITY_BH");
  }
}
