package vn.bhyt.verifier.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Comparing Vietnamese names the way the fund does: ignoring case, accents and extra spaces. */
public final class Names {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Names() {}

  /** A name without accents, in lower case, with single spaces. */
  public static String fold(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
  }

  /** Whether two names are the same after folding. */
  public static boolean same(String a, String b) {
    return fold(a).equals(fold(b));
  }
}
