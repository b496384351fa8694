package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
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

  /** Characters names are made of, and some that send the fold down the slow way. */
  private static final String ALPHABET =
      "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợ"
          + "úùủũụứừửữựýỳỷỹỵÁÀẢÃẠỐỒỔỖỘỨỪỬỮỰİßǄ\u0300\u0301\u0303\u0309\u0323"
          + "     \t\n\r\u000b\f\u001c\u00a0\u2003ΣσςДд中-'.";

  @RepeatedTest(200)
  void theTableFoldsAsDecompositionDoes(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String s = text.toString();
    assertThat(Folding.fold(s)).as("fold of [%s]", s).isEqualTo(Folding.decomposed(s));
  }
}
