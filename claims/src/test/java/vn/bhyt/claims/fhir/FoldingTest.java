package vn.bhyt.claims.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {
  @Test
  void vietnameseNamesLoseCaseAccentsAndExtraSpaces() {
    assertThat(Folding.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
    assertThat(Folding.fold("  ĐẶNG   Thị\tHuệ ")).isEqualTo("dang thi hue");
    assertThat(Folding.fold("Đỗ Đức Đạt")).isEqualTo("do duc dat");
    assertThat(Folding.fold("Trương Ưng Ơn")).isEqualTo("truong ung on");
  }

  @Test
  void composedAndDecomposedFormsFoldAlike() {
    String composed = "Nguy\u1ec5n";
    String decomposed = "Nguy\u0065\u0302\u0303n";
    assertThat(Folding.fold(composed)).isEqualTo(Folding.fold(decomposed)).isEqualTo("nguyen");
  }

  @Test
  void plainTextIsOnlyLowerCased() {
    assertThat(Folding.fold("Smith-Jones O'Neil")).isEqualTo("smith-jones o'neil");
    assertThat(Folding.fold("")).isEmpty();
  }
}
