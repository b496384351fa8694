package vn.bhyt.verifier.rules;

import java.text.Normalizer;

/** Comparing Vietnamese names the way the fund does: ignoring case, accents and extra spaces. */
public final class Names {
  private static final char SKIP = '\0';

  /**
   * Every character of the Basic Multilingual Plane folded: lower-cased and stripped of its marks,
   * any kind of space as {@code ' '}, combining marks (and NUL) as {@link #SKIP}.
   */
  private static final char[] FOLDED = foldTable();

  private Names() {}

  /** A name without accents, in lower case, with single spaces. */
  public static String fold(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); i++) {
      char c = FOLDED[name.charAt(i)];
      if (c == ' ') {
        space = out.length() > 0;
      } else if (c != SKIP) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether two names are the same after folding. */
  public static boolean same(String a, String b) {
    return fold(a).equals(fold(b));
  }

  private static char[] foldTable() {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      table[i] = foldOne((char) i);
    }
    table['đ'] = 'd';
    table['Đ'] = 'd';
    return table;
  }

  private static char foldOne(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return SKIP;
    }
    if (Character.isSurrogate(c)) {
      return c;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    return Character.toLowerCase(decomposed.charAt(0));
  }
}
