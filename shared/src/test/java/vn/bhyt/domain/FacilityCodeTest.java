package vn.bhyt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacilityCodeTest {
  @ParameterizedTest
  @ValueSource(strings = {"79034", "79 - 034", "79–034", "79 — 034", " 79-034\r\n", "79\t034"})
  void readsTheCardsAndTheClaimsWriting(String text) {
    FacilityCode code = FacilityCode.parse(text);
    assertThat(code.value()).isEqualTo("79034");
    assertThat(code.province()).isEqualTo("79");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01k01", "01K01"})
  void acceptsLettersAfterTheProvinceInAnyCase(String text) {
    assertThat(FacilityCode.parse(text).value()).isEqualTo("01K01");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7903", "790345", "A9034", "7A034", "79_034", "79.034", "７9034"})
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> FacilityCode.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
