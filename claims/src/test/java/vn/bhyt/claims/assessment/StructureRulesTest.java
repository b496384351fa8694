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
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;

class StructureRulesTest {
  final Rule required = new RequiredFieldsRule(CLAIMS);
  final Rule format = new FieldFormatRule(CLAIMS);
  final Rule codeList = new CodeListRule(CLAIMS);
  final Rule visitKey = new VisitKeyRule();

  static Dossiers aFullVisit() {
    return aVisit()
        .withLine(service("02.03.1895", 13, "1", "39000"))
        .withLine(drug("40.17", "10", "1250.5"))
        .withLine(supply("N03.04.070", "2", "15000"));
  }

  @Test
  void aCompleteVisitPassesEveryStructureRule() {
    ClaimDossier d = aFullVisit().build();
    assertThat(run(required, d)).isEmpty();
    assertThat(run(format, d)).isEmpty();
    assertThat(run(codeList, d)).isEmpty();
    assertThat(run(visitKey, d)).isEmpty();
  }

  @Test
  void aMissingSummaryField() {
    List<Finding> f = run(required, aFullVisit().without("HO_TEN").build());
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("FIELD_MISSING");
              assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(x.table()).isEqualTo("XML1");
              assertThat(x.line()).isEqualTo(1);
              assertThat(x.field()).isEqualTo("HO_TEN");
              assertThat(x.rule()).isEqualTo("structure.required@1");
            });
  }

  @Test
  void aMissingSummaryTable() {
    ClaimDossier d = new ClaimDossier(ClaimFormat.QD130, "79034", 1, List.of(), List.of());
    assertThat(codes(run(required, d))).containsExactly("TABLE_MISSING");
  }

  @Test
  void aServiceLineNamesAServiceOrASupply() {
    ClaimDossier d =
        aVisit().withLine(service("02.03.1895", 13, "1", "39000").with("MA_DICH_VU", null)).build();
    assertThat(run(required, d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.table()).isEqualTo("XML3");
              assertThat(x.field()).isEqualTo("MA_DICH_VU|MA_VAT_TU");
            });
  }

  @Test
  void aLineWithOnePriceForBothIsComplete() {
    ClaimDossier d =
        aVisit()
            .withLine(
                service("02.03.1895", 13, "1", "39000")
                    .with("DON_GIA_BV", null)
                    .with("DON_GIA_BH", null)
                    .with("DON_GIA", "39000"))
            .build();
    assertThat(run(required, d)).isEmpty();
    d = aVisit().withLine(drug("40.17", "1", "100").with("DON_GIA", null)).build();
    assertThat(run(required, d))
        .extracting(Finding::field)
        .containsExactly("DON_GIA|DON_GIA_BV|DON_GIA_BH");
  }

  @Test
  void malformedDatesAndNumbers() {
    ClaimDossier d =
        aFullVisit()
            .with("NGAY_VAO", "2026-03-05")
            .with("GT_THE_TU", "2026010")
            .withLine(service("X", 1, "1", "10").with("SO_LUONG", "1,5"))
            .build();
    List<Finding> f = run(format, d);
    assertThat(f)
        .extracting(Finding::code, Finding::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("FIELD_DATE_MALFORMED", "NGAY_VAO"),
            org.assertj.core.groups.Tuple.tuple("FIELD_DATE_MALFORMED", "GT_THE_TU"),
            org.assertj.core.groups.Tuple.tuple("FIELD_NUMBER_MALFORMED", "SO_LUONG"));
    assertThat(f)
        .filteredOn(x -> x.field().equals("NGAY_VAO"))
        .singleElement()
        .satisfies(x -> assertThat(x.expected()).isEqualTo("yyyyMMddHHmm"));
  }

  @Test
  void birthDatesMayBeAYearAloneAndAreNeverRepeated() {
    assertThat(run(format, aFullVisit().with("NGAY_SINH", "1990").build())).isEmpty();
    assertThat(run(format, aFullVisit().with("NGAY_SINH", "19900131").build())).isEmpty();
    List<Finding> f = run(format, aFullVisit().with("NGAY_SINH", "199002310000").build());
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("FIELD_DATE_MALFORMED");
              assertThat(x.actual()).isNull();
              assertThat(x.message()).doesNotContain("19900231");
            });
  }

  @Test
  void twoCardsHaveTwoValidityDates() {
    ClaimDossier d =
        aFullVisit()
            .with("MA_THE_BHYT", "DN4797912345678;DN4797912345679")
            .with("GT_THE_TU", "20250101;20260101")
            .with("GT_THE_DEN", "20251231;20261231")
            .build();
    assertThat(run(format, d)).isEmpty();
  }

  @Test
  void tooLongFieldsGiveTheirLengthNotTheirText() {
    List<Finding> f =
        run(
            format,
            aFullVisit().with("MA_CSKCB", "790341").with("HO_TEN", "A".repeat(300)).build());
    assertThat(f).extracting(Finding::code).containsOnly("FIELD_TOO_LONG");
    assertThat(f)
        .filteredOn(x -> x.field().equals("HO_TEN"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.actual()).isEqualTo("300 characters");
              assertThat(x.message()).doesNotContain("AAAA");
            });
  }

  @Test
  void codesOutsideTheirLists() {
    ClaimDossier d =
        aFullVisit()
            .with("GIOI_TINH", "4")
            .with("MA_LOAI_KCB", "11")
            .withLine(service("X", 19, "1", "10"))
            .build();
    assertThat(run(codeList, d))
        .extracting(Finding::field)
        .containsExactlyInAnyOrder("GIOI_TINH", "MA_LOAI_KCB", "MA_NHOM");
  }

  @Test
  void aVisitTypeIsKnownFromItsFirstDay() {
    ClaimDossier d =
        aVisit()
            .with("NGAY_VAO", "202608010800")
            .with("NGAY_RA", "202608010900")
            .with("MA_LOAI_KCB", "11")
            .build();
    assertThat(run(codeList, d)).isEmpty();
  }

  @Test
  void rowsOfAnotherVisit() {
    ClaimDossier d =
        aFullVisit()
            .withLine(service("X", 1, "1", "10").with("MA_LK", "LK0002"))
            .withTable("XML4", Map.of("MA_LK", "LK0003", "STT", "1"))
            .build();
    assertThat(run(visitKey, d))
        .extracting(Finding::table, Finding::actual)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("XML3", "LK0002"),
            org.assertj.core.groups.Tuple.tuple("XML4", "LK0003"));
  }

  @Test
  void aSummaryOfAnotherFacility() {
    ClaimDossier d = aFullVisit().submittedBy("01001").build();
    assertThat(run(visitKey, d))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo("FACILITY_MISMATCH");
              assertThat(x.expected()).isEqualTo("01001");
              assertThat(x.actual()).isEqualTo("79034");
            });
  }

  @Test
  void rowsWithoutTheKeyAreLeftToTheRequiredFieldsRule() {
    ClaimDossier d =
        new ClaimDossier(
            ClaimFormat.QD130,
            "79034",
            1,
            List.of(
                new ClaimTable("XML1", List.of(new ClaimRow(1, Map.of("MA_LK", "A")))),
                new ClaimTable("XML5", List.of(new ClaimRow(1, Map.of("STT", "1"))))),
            List.of());
    assertThat(run(visitKey, d)).isEmpty();
    assertThat(run(required, d)).extracting(Finding::table).contains("XML5");
  }
}
