package vn.bhyt.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.csv.CsvException;
import vn.bhyt.csv.CsvReader;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.csv.CsvUpsert;

class PriceCsvTest {
  static final String HEADER = "code,name,unit,price,valid_from,valid_to,group\n";
  static final PriceCsv CSV = new PriceCsv(ClaimReference.builtIn());

  static List<CsvRecord> records(String text) throws Exception {
    List<CsvRecord> out = new ArrayList<>();
    try (CsvReader r = CsvReader.open(new StringReader(text))) {
      for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  static PriceItem item(String row) throws Exception {
    return CSV.item(records(HEADER + row).get(0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "X,,,1,+10000-01-01,,|valid_from",
        "X,,,1,0999-12-31,,|valid_from",
        "X,,,1,2024-01-01,+10000-01-01,|valid_to",
        "X,,,12345678901234,2024-01-01,,|price",
        "X,,,1.005,2024-01-01,,|price"
      })
  void valuesNoColumnOfThePriceTableHoldsWereDatabaseErrorsAndAreBadRows(
      String row, String column) {
    assertThatThrownBy(() -> item(row + "\n"))
        .isInstanceOf(CsvException.class)
        .hasMessageContaining(column + " is not valid");
  }

  @Test
  void aNameOfMoreCharactersThanItsColumnHoldsIsABadRowCountingCharactersNotUnits()
      throws Exception {
    String fits = "😀".repeat(1024);
    assertThat(item("X," + fits + ",,1,2024-01-01,,\n").name()).isEqualTo(fits);
    assertThatThrownBy(() -> item("X," + fits + "a,,1,2024-01-01,,\n"))
        .isInstanceOf(CsvException.class)
        .hasMessageContaining("name is not valid (expected: at most 1024 characters)");
  }

  @Test
  void aFullRowBecomesAnItemWithThePriceInTwoDecimals() throws Exception {
    PriceItem i =
        item("18.0001.0001,\"Chụp X-quang, 1 phim\",lần,714500,2024-01-01,2024-12-31,2\n");
    assertThat(i.code()).isEqualTo("18.0001.0001");
    assertThat(i.name()).isEqualTo("Chụp X-quang, 1 phim");
    assertThat(i.unit()).isEqualTo("lần");
    assertThat(i.price()).isEqualTo(new BigDecimal("714500.00"));
    assertThat(i.validFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(i.validTo()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(i.group()).isEqualTo(2);
  }

  @Test
  void optionalColumnsMayBeEmptyOrAbsentAndColumnsComeInAnyOrder() throws Exception {
    PriceItem i = item("40.17,,,1250.5,2025-07-01,,\n");
    assertThat(i.name()).isNull();
    assertThat(i.unit()).isNull();
    assertThat(i.validTo()).isNull();
    assertThat(i.group()).isNull();
    assertThat(i.price()).isEqualTo(new BigDecimal("1250.50"));
    PriceItem reordered =
        CSV.item(records("valid_from,price,code,extra\n2025-07-01,1250.50,40.17,x\n").get(0));
    assertThat(reordered).isEqualTo(i);
  }

  @Test
  void theSameRowWrittenTwoWaysIsTheSameItemWithTheSameHash() throws Exception {
    PriceItem a = item("40.17,Paracetamol,viên,1250.5,2025-07-01,,4\n");
    PriceItem b = item(" 40.17 ,Paracetamol,viên,1250.50,2025-07-01,,04\n");
    assertThat(b).isEqualTo(a);
    assertThat(CsvUpsert.hash(b)).isEqualTo(CsvUpsert.hash(a));
    PriceItem dearer = item("40.17,Paracetamol,viên,1251,2025-07-01,,4\n");
    assertThat(CsvUpsert.hash(dearer)).isNotEqualTo(CsvUpsert.hash(a));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        ",x,lần,100,2025-01-01,,; code is empty",
        "A1,x,lần,,2025-01-01,,; price is empty",
        "A1,x,lần,100.005,2025-01-01,,; price is not valid",
        "A1,x,lần,-100,2025-01-01,,; price is not valid",
        "A1,x,lần,1e5,2025-01-01,,; price is not valid",
        "A1,x,lần,\"714,500\",2025-01-01,,; price is not valid",
        "A1,x,lần,12345678901234,2025-01-01,,; price is not valid",
        "A1,x,lần,100,,,; valid_from is empty",
        "A1,x,lần,100,01/01/2025,,; valid_from is not valid",
        "A1,x,lần,100,2025-01-01,2025-02-30,; valid_to is not valid",
        "A1,x,lần,100,2025-01-01,2024-12-31,; valid_to is not valid (expected: on or after",
        "A1,x,lần,100,2025-01-01,,19; group is not valid",
        "A1,x,lần,100,2025-01-01,,X; group is not valid",
      })
  void badRowsNameTheColumnAndNeverTheValue(String row, String message) throws Exception {
    CsvRecord r = records(HEADER + row + "\n").get(0);
    assertThatThrownBy(() -> CSV.item(r))
        .isInstanceOf(CsvException.class)
        .hasMessageStartingWith("line 2: ")
        .hasMessageContaining(message)
        .hasMessageNotContaining("2024-12-31")
        .hasMessageNotContaining("100.005");
  }

  @Test
  void tooLongTextsAreBadRows() throws Exception {
    assertThatThrownBy(() -> item("A".repeat(256) + ",x,lần,1,2025-01-01,,\n"))
        .hasMessageContaining("code is not valid (expected: at most 255 characters)");
    assertThatThrownBy(() -> item("A1,x,\"" + "u".repeat(51) + "\",1,2025-01-01,,\n"))
        .hasMessageContaining("unit is not valid");
  }

  /** Writing a random valid item as a CSV row and reading it back gives the item. */
  @RepeatedTest(200)
  void writtenRowsReadBackUnchanged(RepetitionInfo info) throws Exception {
    Random random = new Random(info.getCurrentRepetition());
    LocalDate from = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3000));
    PriceItem i =
        new PriceItem(
            "C" + random.nextInt(100_000),
            random.nextBoolean() ? null : "Tên \"" + random.nextInt(1000) + "\", dịch vụ",
            random.nextBoolean() ? null : "lần",
            BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2).abs(),
            from,
            random.nextBoolean() ? null : from.plusDays(random.nextInt(400)),
            random.nextBoolean() ? null : 1 + random.nextInt(18));
    String row =
        String.join(
            ",",
            i.code(),
            quoted(i.name()),
            text(i.unit()),
            i.price().toPlainString(),
            i.validFrom().toString(),
            text(i.validTo()),
            text(i.group()));
    assertThat(item(row + "\n")).isEqualTo(i);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String quoted(String s) {
    return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
