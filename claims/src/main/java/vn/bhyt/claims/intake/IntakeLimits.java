package vn.bhyt.claims.intake;

/**
 * The limits a claim envelope must keep to be read; anything larger fails with {@link
 * ClaimParseException.Reason#TABLE_TOO_LARGE}, {@link ClaimParseException.Reason#TOO_MANY_ROWS} or
 * {@link ClaimParseException.Reason#TEXT_TOO_LONG} as soon as it is seen.
 *
 * @param maxTableChars the longest {@code NOIDUNGFILE} (one table's base64 text), in characters
 * @param maxRowsPerTable the most rows one parsed table ({@code XML1} … {@code XML5}) may have
 * @param maxTextChars the longest other text: an envelope field, a table's field, or any other XML
 *     construct such as a comment or an attribute
 */
public record IntakeLimits(int maxTableChars, int maxRowsPerTable, int maxTextChars) {

  /** 16 MiB per table, 50,000 rows per table, 256 KiB per text. */
  public static final IntakeLimits DEFAULTS = new IntakeLimits(16 << 20, 50_000, 256 << 10);

  public IntakeLimits {
    requirePositive("maxTableChars", maxTableChars);
    requirePositive("maxRowsPerTable", maxRowsPerTable);
    requirePositive("maxTextChars", maxTextChars);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
    }
  }
}
