package vn.bhyt.verifier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  private static final String VIETNAMESE =
      "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

  @Test
  void ignoresCaseAccentsAndExtraSpaces() {
    assertThat(Names.same("Hoàng Xuân Hấn", "  HOANG   xuan han ")).isTrue();
    assertThat(Names.same("Đặng Thị Lụa", "dang thi lua")).isTrue();
    assertThat(Names.same("Lê Việt Hưng", "Lê Việt Hùng")).isTrue();
    assertThat(Names.same("Nguyễn Văn An", "Nguyễn Văn Ân")).isTrue();
    assertThat(Names.same("Nguyễn Văn An", "Nguyễn Văn Anh")).isFalse();
  }

  @Test
  void decomposedInputFoldsLikePrecomposed() {
    String decomposed = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
    assertThat(Names.fold(decomposed)).isEqualTo("nguyen thi anh");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void foldsLikeUnicodeDecompositionWithoutMarks(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < 2_000; n++) {
      String name = randomName(random);
      assertThat(Names.fold(name)).as("fold of %s", name).isEqualTo(byDefinition(name));
    }
  }

  private static String randomName(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(30);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      char c =
          switch (kind) {
            case 0 -> " \t\u00A0".charAt(random.nextInt(3));
            case 1 -> (char) (0x20 + random.nextInt(0x1F00));
            default -> VIETNAMESE.charAt(random.nextInt(VIETNAMESE.length()));
          };
      s.append(kind == 2 ? Character.toUpperCase(c) : c);
    }
    return s.toString();
  }

  /** Canonical decomposition, marks removed, đ as d, each letter in lower case, single spaces. */
  private static String byDefinition(String name) {
    String bare =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace('đ', 'd')
            .replace('Đ', 'D');
    StringBuilder lower = new StringBuilder();
    bare.chars().forEach(c -> lower.append((char) Character.toLowerCase(c)));
    return lower.toString().replaceAll("[\\p{javaWhitespace}\\p{Z}]+", " ").strip();
  }
}
