package vn.bhyt.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated dossiers keep the reference's money formulas and realistic codes. */
class ClaimDossiersTest {

  private static List<ClaimDossier> samples(long seed) {
    List<ClaimDossier> all = new ArrayList<>();
    all.add(ClaimDossiers.aVisit().seed(seed).withLines(20).build());
    all.add(ClaimDossiers.aVisit().seed(seed).withLines(30).inpatient().build());
    all.add(ClaimDossiers.aVisit().seed(seed).withLines(20).in4210().build());
    all.add(ClaimDossiers.aVisit().seed(seed).withLines(25).inpatient().in4210().build());
    return all;
  }

  private static BigDecimal n(ClaimRow row, String field) {
    return new BigDecimal(row.get(field).orElseThrow(() -> new AssertionError("no " + field)));
  }

  private static BigDecimal n(ClaimRow row, String field, String fallback, String otherwise) {
    return new BigDecimal(row.get(field).or(() -> row.get(fallback)).orElse(otherwise));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 99, 2026, 31_337})
  void everyLineFollowsTheMoneyFormulas(long seed) {
    for (ClaimDossier d : samples(seed)) {
      List<ClaimRow> lines = new ArrayList<>(d.rows(ClaimDossier.DRUGS));
      lines.addAll(d.rows(ClaimDossier.SERVICES));
      for (ClaimRow l : lines) {
        LineMoney m =
            new LineMoney(
                n(l, "SO_LUONG"),
                n(l, "DON_GIA_BV", "DON_GIA", "NaN"),
                n(l, "DON_GIA_BH", "DON_GIA", "NaN"),
                n(l, "TYLE_TT_DV", "TYLE_TT_DV", "100").intValueExact(),
                n(l, "TYLE_TT_BH").intValueExact(),
                n(l, "T_NGUONKHAC"),
                n(l, "MUC_HUONG").intValueExact());
        assertThat(n(l, "THANH_TIEN_BV")).isEqualTo(m.hospitalAmount());
        assertThat(n(l, "THANH_TIEN_BH")).isEqualTo(m.insuredAmount());
        assertThat(n(l, "T_BNTT")).isEqualTo(m.patientPaid());
        assertThat(n(l, "T_BHTT")).isEqualTo(m.fundPaid());
        assertThat(n(l, "T_BNCCT")).isEqualTo(m.coPayment());
        assertThat(n(l, "T_BHTT").add(n(l, "T_BNCCT")).add(n(l, "T_NGUONKHAC")))
            .isEqualTo(n(l, "THANH_TIEN_BH"));
        assertThat(n(l, "THANH_TIEN_BV").scale()).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 99, 2026, 31_337})
  void summaryTotalsAreTheSumsOfTheLines(long seed) {
    for (ClaimDossier d : samples(seed)) {
      ClaimRow s = d.summary().orElseThrow();
      List<ClaimRow> lines = new ArrayList<>(d.rows(ClaimDossier.DRUGS));
      lines.addAll(d.rows(ClaimDossier.SERVICES));
      Function<String, BigDecimal> sum =
          f -> lines.stream().map(l -> n(l, f)).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(n(s, "T_TONGCHI_BV")).isEqualByComparingTo(sum.apply("THANH_TIEN_BV"));
      assertThat(n(s, "T_TONGCHI_BH")).isEqualByComparingTo(sum.apply("THANH_TIEN_BH"));
      assertThat(n(s, "T_BHTT")).isEqualByComparingTo(sum.apply("T_BHTT"));
      assertThat(n(s, "T_BNCCT")).isEqualByComparingTo(sum.apply("T_BNCCT"));
      assertThat(n(s, "T_NGUONKHAC")).isEqualByComparingTo(sum.apply("T_NGUONKHAC"));
      assertThat(n(s, "T_BNTT")).isEqualByComparingTo(sum.apply("T_BNTT"));
      assertThat(n(s, "T_TONGCHI_BV")).isEqualTo(n(s, "T_TONGCHI_BH").add(n(s, "T_BNTT")));
      assertThat(n(s, "T_TONGCHI_BH"))
          .isEqualTo(n(s, "T_BHTT").add(n(s, "T_BNCCT")).add(n(s, "T_NGUONKHAC")));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 99, 2026, 31_337})
  void codesAndDatesLookReal(long seed) {
    for (ClaimDossier d : samples(seed)) {
      ClaimRow s = d.summary().orElseThrow();
      assertThat(s.text("MA_THE_BHYT")).matches("[A-Z]{2}[1-5][0-9]{2}[0-9]{10}");
      assertThat(s.text("MA_DKBD")).matches("[0-9]{5}");
      assertThat(s.text("MA_CSKCB")).isEqualTo(d.facilityCode()).matches("[0-9]{5}");
      assertThat(s.text("MA_LOAI_KCB")).matches("0?[13]");
      String in = s.text("NGAY_VAO");
      String out = s.text("NGAY_RA");
      assertThat(in).matches("2026[0-9]{8}");
      assertThat(in).isLessThanOrEqualTo(out);
      for (String table : List.of(ClaimDossier.DRUGS, ClaimDossier.SERVICES)) {
        for (ClaimRow l : d.rows(table)) {
          assertThat(Integer.parseInt(l.text("MA_NHOM"))).isBetween(1, 18);
          assertThat(l.text("MA_LK")).isEqualTo(d.maLk().orElseThrow());
          assertThat(l.text("NGAY_YL")).isBetween(in, out);
          assertThat(l.text("NGAY_TH_YL")).isBetween(l.text("NGAY_YL"), out);
          l.get("NGAY_KQ").ifPresent(kq -> assertThat(kq).isBetween(l.text("NGAY_TH_YL"), out));
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameDossier() {
    assertThat(ClaimDossiers.aVisit().seed(8).inpatient().build())
        .isEqualTo(ClaimDossiers.aVisit().seed(8).inpatient().build())
        .isNotEqualTo(ClaimDossiers.aVisit().seed(9).inpatient().build());
  }

  @Test
  void theBuilderSetsWhatItIsAsked() {
    ClaimDossier d =
        ClaimDossiers.aVisit()
            .withDrugLines(3)
            .withServiceLines(7)
            .withCard("DN4010123456789")
            .withBenefit(80)
            .withMaLk("K1")
            .facility("01043")
            .index(4)
            .build();

    assertThat(d.rows(ClaimDossier.DRUGS)).hasSize(3);
    assertThat(d.rows(ClaimDossier.SERVICES)).hasSize(7);
    assertThat(d.summary().orElseThrow().text("MA_THE_BHYT")).isEqualTo("DN4010123456789");
    assertThat(d.rows(ClaimDossier.SERVICES)).allMatch(l -> l.text("MUC_HUONG").equals("80"));
    assertThat(d.maLk()).contains("K1");
    assertThat(d.facilityCode()).isEqualTo("01043");
    assertThat(d.index()).isEqualTo(4);
    assertThat(d.verbatim()).isNotEmpty();
    assertThat(ClaimDossiers.aVisit().withoutVerbatim().build().verbatim()).isEmpty();
  }

  @Test
  void oneFieldCanBeBrokenOnPurpose() {
    ClaimDossier d =
        ClaimDossiers.aVisit()
            .with("XML3", 2, "THANH_TIEN_BV", "1.00")
            .with("XML1", 1, "MA_THE_BHYT", null)
            .build();

    assertThat(d.rows(ClaimDossier.SERVICES).get(1).text("THANH_TIEN_BV")).isEqualTo("1.00");
    assertThat(d.summary().orElseThrow().has("MA_THE_BHYT")).isFalse();
    String xml3 =
        new String(
            Base64.getDecoder().decode(d.verbatim().get(2).base64()), StandardCharsets.UTF_8);
    assertThat(xml3).contains("<THANH_TIEN_BV>1.00</THANH_TIEN_BV>");
  }

  @Test
  void theLevelSetsTheBenefit() {
    ClaimDossier level3 = ClaimDossiers.aVisit().withLevel(3).build();

    assertThat(level3.summary().orElseThrow().text("MA_THE_BHYT").charAt(2)).isEqualTo('3');
    assertThat(level3.rows(ClaimDossier.SERVICES)).allMatch(l -> l.text("MUC_HUONG").equals("95"));
  }

  @Test
  void theReferenceLineComesOutOfTheFormulas() {
    LineMoney real =
        new LineMoney(
            BigDecimal.valueOf(2),
            BigDecimal.valueOf(714_500),
            BigDecimal.valueOf(714_500),
            100,
            70,
            BigDecimal.ZERO,
            80);

    assertThat(real.hospitalAmount()).isEqualTo("1429000.00");
    assertThat(real.insuredAmount()).isEqualTo("1000300.00");
    assertThat(real.patientPaid()).isEqualTo("428700.00");
    assertThat(real.fundPaid()).isEqualTo("800240.00");
    assertThat(real.coPayment()).isEqualTo("200060.00");
  }
}
