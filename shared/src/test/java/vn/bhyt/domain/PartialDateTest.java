package vn.bhyt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {
  @ParameterizedTest
  @ValueSource(strings = {"1000", "1990", "9999", "1990-01-31", "1000-01-01", " 2001-02-28 "})
  void yearsAndDatesFromTheYear1000AreRead(String text) {
    PartialDate d = PartialDate.parse(text);
    assertThat(d.year()).isBetween(1000, 9999);
    assertThat(d.yearOnly()).isEqualTo(text.strip().length() == 4);
    if (!d.yearOnly()) {
      assertThat(d.date()).isEqualTo(LocalDate.parse(text.strip()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000", "0999", "0999-12-31", "0001-01-01"})
  void yearsBeforeTheYear1000AreRefusedInBothForms(String text) {
    assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "99", "19900", "1990-13-01", "1990-02-30", "31/01/1990", "١٩٩٠"})
  void otherTextIsNotADate(String text) {
    assertThatThrownBy(() -> PartialDate.parse(text))
        .isInstanceOfAny(DateTimeException.class, IllegalArgumentException.class);
  }
}
