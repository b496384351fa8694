package vn.bhyt.claims.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a column holds: characters rather than UTF-16 units, whole digits and scale, years. */
class ColumnTypeTest {
  @Test
  void aTextColumnHoldsItsLengthInCharactersOfFourBytes() {
    ColumnType text = StoredColumn.FINDING_MESSAGE.type();
    String longest = "😀".repeat(text.maxChars());

    assertThat(text.holds(longest)).isTrue();
    assertThat(text.holds(longest + "a")).isFalse();
    assertThat(text.clip(longest + "a")).isEqualTo(longest);
    assertThat(StoredColumn.TABLE_NAME.type().clip("😀".repeat(25))).isEqualTo("😀".repeat(20));
    assertThat(StoredColumn.TABLE_CONTENT.type().holds("QUJD\u00e9")).isFalse();
    assertThat(StoredColumn.TABLE_POSITION.type().holds(32_768)).isFalse();
    assertThat(
            StoredColumn.VERSION_TOTAL_HOSPITAL.type().holds(new BigDecimal("9999999999999999.99")))
        .isTrue();
    assertThat(
            StoredColumn.VERSION_TOTAL_HOSPITAL.type().holds(new BigDecimal("10000000000000000")))
        .isFalse();
    assertThat(StoredColumn.VERSION_TOTAL_HOSPITAL.type().holds(new BigDecimal("1.005"))).isFalse();
  }

  @Test
  void dateColumnsHoldTheYearsOneThousandToNineThousandNineHundredNinetyNine() {
    ColumnType day = StoredColumn.PRICE_VALID_FROM.type();

    assertThat(day.holds(LocalDate.of(1000, 1, 1))).isTrue();
    assertThat(day.holds(LocalDate.of(9999, 12, 31))).isTrue();
    assertThat(day.holds(LocalDate.of(999, 12, 31))).isFalse();
    assertThat(day.holds(LocalDate.of(10_000, 1, 1))).isFalse();
  }
}
