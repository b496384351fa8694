package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.reference.ReferenceDataException;

class ClaimReferenceTest {
  static final ClaimReference REF = ClaimReference.builtIn();
  static final LocalDate DAY = LocalDate.of(2026, 3, 5);

  @Test
  void groupsOneToEighteenWithTheOutOfListOnes() {
    for (int g = 1; g <= 18; g++) {
      assertThat(REF.group(g)).as("MA_NHOM %d", g).isPresent();
    }
    assertThat(REF.group(19)).isEmpty();
    assertThat(REF.group(5).orElseThrow().inList()).isFalse();
    assertThat(REF.group(11).orElseThrow().inList()).isFalse();
    assertThat(REF.group(4).orElseThrow().summaryTotal()).isEqualTo("T_THUOC");
    assertThat(REF.group(10).orElseThrow().summaryTotal()).isEqualTo("T_VTYT");
  }

  @Test
  void visitTypesAreInForceByDate() {
    assertThat(REF.visitType("03", DAY).orElseThrow().stay()).isEqualTo(Stay.INPATIENT);
    assertThat(REF.visitType("01", DAY).orElseThrow().stay()).isEqualTo(Stay.EXAM);
    assertThat(REF.visitType("11", DAY)).isEmpty();
    assertThat(REF.visitType("11", LocalDate.of(2026, 8, 1))).isPresent();
  }

  @Test
  void routeCodesFallBackToTheirGroup() {
    assertThat(REF.route("MA_DOITUONG_KCB", "1.1", DAY)).contains(VisitRoute.REGISTERED);
    assertThat(REF.route("MA_DOITUONG_KCB", "3.1", DAY)).contains(VisitRoute.SELF_REFERRED);
    assertThat(REF.route("MA_DOITUONG_KCB", "1.1", LocalDate.of(2024, 6, 1)))
        .contains(VisitRoute.RIGHT);
    assertThat(REF.route("MA_DOITUONG_KCB", "1.1", LocalDate.of(2023, 6, 1))).isEmpty();
    assertThat(REF.route("MA_DOITUONG_KCB", "9", DAY)).contains(VisitRoute.NONE);
    assertThat(REF.route("MA_LYDO_VVIEN", "2", DAY)).contains(VisitRoute.EMERGENCY);
    assertThat(REF.route("MA_DOITUONG_KCB", null, DAY)).isEmpty();
  }

  @Test
  void sexesAndDailyLimits() {
    assertThat(REF.knowsSex("3")).isTrue();
    assertThat(REF.knowsSex("0")).isFalse();
    assertThat(REF.dailyLimits().limit("K01", 13)).contains(BigDecimal.ONE);
    assertThat(REF.dailyLimits().limit("K01", 1)).isEmpty();
  }

  @Test
  void fieldSpecsCoverTheSummaryAndLines() {
    assertThat(REF.tables()).contains("XML1", "XML2", "XML3");
    assertThat(REF.fields("XML1"))
        .filteredOn(ClaimReference.Field::required)
        .extracting(ClaimReference.Field::name)
        .contains(
            "MA_LK",
            "MA_BN",
            "HO_TEN",
            "NGAY_SINH",
            "GIOI_TINH",
            "MA_THE_BHYT",
            "NGAY_VAO",
            "NGAY_RA",
            "MA_LOAI_KCB",
            "MA_BENH_CHINH",
            "MA_CSKCB");
  }

  @Test
  void badFilesAreRejectedWithEveryProblem() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "claim-fields.csv",
        "table,field,required,format,max_length,personal\nXML1,A,maybe,text,,no\n");
    files.put("claim-groups.csv", "code,meaning,in_list,xml1_total\n1,x,yes,\n1,y,yes,\n");
    files.put("visit-types.csv", "code,meaning,stay,from,to\n01,x,hospital,2018-01-01,\n");
    files.put("visit-routes.csv", "field,code,route,from,to\nX,1,right,2018-01-01,\n");
    files.put("sexes.csv", "code\n1\n");
    files.put("daily-limits.csv", "scope,key,per_day\ngroup,13,0\n");
    assertThatThrownBy(() -> ClaimReference.load(name -> new StringReader(files.get(name))))
        .isInstanceOf(ReferenceDataException.class)
        .satisfies(
            e ->
                assertThat(((ReferenceDataException) e).problems())
                    .hasSize(4)
                    .anyMatch(p -> p.startsWith("claim-fields.csv: line 2"))
                    .anyMatch(p -> p.contains("duplicate code 1"))
                    .anyMatch(p -> p.startsWith("visit-types.csv"))
                    .anyMatch(p -> p.startsWith("daily-limits.csv")));
  }
}
