package vn.bhyt.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.VisitKind;

class ReferenceDataTest {
  private final ReferenceData ref = ReferenceData.builtIn();

  @Test
  void loadsTheBuiltInTables() {
    assertThat(ref.group("DN")).get().extracting(BeneficiaryGroup::usualLevel).isEqualTo(4);
    assertThat(ref.level(3)).get().extracting(BenefitLevel::fundPercent).isEqualTo(95);
    assertThat(ref.level(6)).isEmpty();
    assertThat(ref.knowsProvince("79")).isTrue();
    assertThat(ref.knowsProvince("03")).isFalse();
    assertThat(ref.resultCode("010")).get().extracting(ResultCode::outcome).isEqualTo("invalid");
    assertThat(ref.groups()).hasSizeGreaterThan(40);
  }

  @Test
  void baseSalaryIsTheOneInForceOnTheDay() {
    assertThat(ref.baseSalaryOn(LocalDate.of(2024, 6, 30))).contains(1_800_000L);
    assertThat(ref.baseSalaryOn(LocalDate.of(2024, 7, 1))).contains(2_340_000L);
    assertThat(ref.baseSalaryOn(LocalDate.of(2010, 1, 1))).isEmpty();
  }

  @Test
  void routeRuleIsTheLatestInForce() {
    assertThat(
            ref.routeRule(LocalDate.of(2020, 6, 1), FacilityLevel.PROVINCIAL, VisitKind.INPATIENT))
        .get()
        .extracting(RouteRule::selfReferredPercent)
        .isEqualTo(60);
    assertThat(
            ref.routeRule(LocalDate.of(2021, 1, 1), FacilityLevel.PROVINCIAL, VisitKind.INPATIENT))
        .get()
        .extracting(RouteRule::selfReferredPercent)
        .isEqualTo(100);
    assertThat(
            ref.routeRule(LocalDate.of(2026, 7, 1), FacilityLevel.PROVINCIAL, VisitKind.OUTPATIENT))
        .get()
        .extracting(RouteRule::selfReferredPercent)
        .isEqualTo(50);
    assertThat(
            ref.routeRule(
                LocalDate.of(2026, 6, 30), FacilityLevel.PROVINCIAL, VisitKind.OUTPATIENT))
        .get()
        .extracting(RouteRule::selfReferredPercent)
        .isEqualTo(0);
    assertThat(ref.routeRule(LocalDate.of(2026, 1, 1), FacilityLevel.COMMUNE, VisitKind.OUTPATIENT))
        .get()
        .extracting(RouteRule::rightRoutePercent)
        .isEqualTo(100);
  }

  @Test
  void badFilesAreReportedTogether() {
    ReferenceData.ReferenceFiles broken =
        name ->
            new StringReader(
                switch (name) {
                  case "groups.csv" -> "code,meaning,usual_level\nDN,x,9\n";
                  case "benefit-levels.csv" ->
                      "level,fund_percent,caps_apply,transport,out_of_scope_paid\n4,180,no,no,no\n";
                  default -> "";
                });
    assertThatThrownBy(() -> ReferenceData.load(broken))
        .isInstanceOfSatisfying(
            ReferenceDataException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("benefit-levels.csv: line 2"))
                    .anyMatch(p -> p.contains("provinces.csv"))
                    .anyMatch(p -> p.contains("group DN has unknown level 9")));
  }
}
