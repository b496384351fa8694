package vn.bhyt.fhir;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The form of text that string search compares: lower case, without accents, {@code đ} as {@code
 * d}, single spaces, so that {@code nguyen van} finds {@code Nguyễn Văn An}.
 *
 * <p>Text in the Latin blocks that Vietnamese is written in folds character by character through a
 * table; other text goes through Unicode decomposition. Both give the same result.
 */
final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String SPACE = " ";
  private static final char LATIN_END = 0x250;
  private static final char EXTENDED_START = 0x1E00;
  private static final char EXTENDED_END = 0x1F00;
  private static final String[] LATIN = table(0, LATIN_END);
  private static final String[] EXTENDED = table(EXTENDED_START, EXTENDED_END);

  private Folding() {}

  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      String folded = lookUp(text.charAt(i));
      if (folded == null) {
        return decomposed(text);
      }
      if (folded.equals(SPACE)) {
        space = !out.isEmpty();
      } else if (!folded.isEmpty()) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(folded);
      }
    }
    return out.toString();
  }

  /** The fold of text by decomposition: the definition that the tables follow. */
  static String decomposed(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
  }

  private static @Nullable String lookUp(char c) {
    if (c < LATIN_END) {
      return LATIN[c];
    }
    if (c >= EXTENDED_START && c < EXTENDED_END) {
      return EXTENDED[c - EXTENDED_START];
    }
    return null;
  }

  /**
   * Each character's fold; {@link #SPACE} for the spaces that {@code \s} matches, null where the
   * character must go through decomposition with its neighbours (other whitespace, which strip
   * removes at the ends only).
   */
  private static String[] table(int from, int to) {
    String[] table = new String[to - from];
    for (int c = from; c < to; c++) {
      String one = String.valueOf((char) c);
      if (SPACES.matcher(one).matches()) {
        table[c - from] = SPACE;
      } else if (!Character.isWhitespace(c) && !Character.isSurrogate((char) c)) {
        table[c - from] = decomposed(one);
      }
    }
    return table;
  }
}
