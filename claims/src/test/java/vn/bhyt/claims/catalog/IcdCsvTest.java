package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvReader;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.csv.CsvUpsert;

class IcdCsvTest {
  static IcdCode code(String csv) throws Exception {
    try (CsvReader r = CsvReader.open(new StringReader(csv))) {
      return IcdCsv.code(r.next());
    }
  }

  @Test
  void codesAreReadInEitherCaseWithoutTheDualMarks() throws Exception {
    assertThat(code("code,name\nj18.9,Viêm phổi\n"))
        .isEqualTo(new IcdCode("J18.9", "Viêm phổi", null, null));
    assertThat(code("code,name\nA17.0†,Lao màng não\n").code()).isEqualTo("A17.0");
    assertThat(code("code,name\nG01*,Viêm màng não\n").code()).isEqualTo("G01");
    assertThat(IcdCsv.normalise(" e11.9 ")).isEqualTo("E11.9");
  }

  @Test
  void datesAreOptionalAndInclusive() throws Exception {
    IcdCode c = code("name,valid_to,code,valid_from\nCovid,2030-12-31,U07.1,2020-03-01\n");
    assertThat(c.validFrom()).isEqualTo(LocalDate.of(2020, 3, 1));
    assertThat(c.validTo()).isEqualTo(LocalDate.of(2030, 12, 31));
    assertThat(CsvUpsert.hash(c))
        .isEqualTo(
            CsvUpsert.hash(
                code("code,name,valid_from,valid_to\nu07.1,Covid,2020-03-01,2030-12-31\n")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "J18.9.1,x,,; code is not valid",
        "18.9,x,,; code is not valid",
        "J1,x,,; code is not valid",
        ",x,,; code is empty",
        "J18.9,x,2020-13-01,; valid_from is not valid",
        "J18.9,x,2020-01-02,2020-01-01; valid_to is not valid",
        "J18.9,x,+10000-01-01,; valid_from is not valid",
        "J18.9,x,,0999-01-01; valid_to is not valid",
      })
  void badRowsNameTheColumn(String row, String message) throws Exception {
    assertThatThrownBy(() -> code("code,name,valid_from,valid_to\n" + row + "\n"))
        .isInstanceOf(CsvException.class)
        .hasMessageStartingWith("line 2: ")
        .hasMessageContaining(message);
  }

  @Test
  void aRecordKnowsItsLine() throws Exception {
    try (CsvReader r = CsvReader.open(new StringReader("code\nA00\n\nbad\n"))) {
      r.next();
      CsvRecord third = r.next();
      assertThatThrownBy(() -> IcdCsv.code(third)).hasMessageStartingWith("line 4: ");
    }
  }
}
