package vn.bhyt.fundsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.bhyt.csv.CsvException;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.reference.ReferenceData;

class FundRegistryTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

  @Test
  void readsAFileOfTheImportColumnsAlone() throws Exception {
    String csv =
        "card_number,ssn,citizen_id,name,birth_date,sex,registered_facility,valid_from,valid_to,"
            + "status,replaced_by,five_years_from,living_area,benefit_level,group_code\n"
            + "DN4797912345678,,079090001234,Nguyễn Văn An,1990-01-31,male,79034,2026-01-01,"
            + "2026-12-31,active,,,K1,4,DN\n";
    FundRegistry r = FundRegistry.read(new StringReader(csv));
    CardCheck check = new CardCheck(r, ReferenceData.builtIn());
    var a =
        check.answer(
            new CardCheck.Question(
                "DN4797912345678",
                "Nguyễn Văn An",
                CardCheck.birthDate("31/01/1990").orElseThrow()),
            TODAY);
    assertThat(a).containsEntry("maKetQua", "000").containsEntry("maKV", "K1");
    assertThat(a).containsEntry("gioiTinh", "Nam").containsEntry("maSoBHXH", "7912345678");
  }

  @Test
  void aBadRowNamesItsLineAndColumnNotItsValue() {
    String csv = "card_number,valid_from\nDN4797912345678,31/12/2026\n";
    assertThatThrownBy(() -> FundRegistry.read(new StringReader(csv)))
        .isInstanceOf(CsvException.class)
        .hasMessageContaining("2")
        .hasMessageContaining("valid_from")
        .hasMessageNotContaining("31/12/2026");
  }

  @Test
  void theBuiltInDataSetIsTheSameForTheSameSeedAndDay() {
    FacilityCode here = FacilityCode.parse("79034");
    assertThat(FundData.csv(3, 50, here, TODAY)).isEqualTo(FundData.csv(3, 50, here, TODAY));
    assertThat(FundData.csv(3, 50, here, TODAY)).isNotEqualTo(FundData.csv(4, 50, here, TODAY));
  }

  @Test
  void namesCompareWithoutCaseOrDiacritics() {
    assertThat(CardCheck.fold("  Đặng   Ngọc lan ")).isEqualTo("DANG NGOC LAN");
    assertThat(CardCheck.sameName("Trần Văn Kiểm", "tran van kiem")).isTrue();
    assertThat(CardCheck.sameName("Trần Văn Kiểm", "Trần Văn Kim")).isFalse();
  }
}
