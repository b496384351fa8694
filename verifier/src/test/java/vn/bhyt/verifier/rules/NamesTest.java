package vn.bhyt.verifier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void ignoresCaseAccentsAndExtraSpaces() {
    assertThat(Names.same("Hoàng Xuân Hấn", "  HOANG   xuan han ")).isTrue();
    assertThat(Names.same("Đặng Thị Lụa", "dang thi lua")).isTrue();
    assertThat(Names.same("Lê Việt Hưng", "Lê Việt Hùng")).isTrue();
    assertThat(Names.same("Nguyễn Văn An", "Nguyễn Văn Ân")).isTrue();
    assertThat(Names.same("Nguyễn Văn An", "Nguyễn Văn Anh")).isFalse();
  }
}
