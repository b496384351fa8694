package vn.bhyt.claims.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a column of the claims module's tables can hold, as its migration declares it: the SQL type
 * with its length, precision and scale, and the character set of a text column. MariaDB counts the
 * length of {@code CHAR} and {@code VARCHAR} in characters (code points) and that of {@code TEXT}
 * types in bytes; dates must lie in the supported range, years 1000 to 9999.
 *
 * @param kind the SQL type
 * @param size the length of a text or binary column, the precision of a {@code DECIMAL}, the
 *     fractional-second digits of a {@code DATETIME} or {@code TIMESTAMP}; 0 otherwise
 * @param scale the scale of a {@code DECIMAL}; 0 otherwise
 * @param charset {@code ascii} or {@code utf8mb4} for a text column, else null
 */
public record ColumnType(Kind kind, long size, int scale, @Nullable String charset) {
  /** The SQL types the claims module's tables use, by their {@code information_schema} names. */
  public enum Kind {
    CHAR,
    VARCHAR,
    TEXT,
    LONGTEXT,
    BINARY,
    DECIMAL,
    TINYINT,
    SMALLINT,
    INT,
    DATE,
    DATETIME,
    TIMESTAMP;

    /** The type's name as {@code information_schema.COLUMNS.DATA_TYPE} gives it. */
    public String dataType() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean isText() {
      return this == CHAR || this == VARCHAR || this == TEXT || this == LONGTEXT;
    }
  }

  static final String ASCII = "ascii";
  static final String UTF8MB4 = "utf8mb4";
  private static final int FIRST_YEAR = 1000;
  private static final int LAST_YEAR = 9999;

  public ColumnType {
    Objects.requireNonNull(kind, "kind");
    if (kind.isText() != (charset != null)) {
      throw new IllegalArgumentException(
          "charset: " + charset + " (expected: one for text columns only)");
    }
  }

  static ColumnType chars(int length, String charset) {
    return new ColumnType(Kind.CHAR, length, 0, charset);
  }

  static ColumnType varchar(int length, String charset) {
    return new ColumnType(Kind.VARCHAR, length, 0, charset);
  }

  static ColumnType text(String charset) {
    return new ColumnType(Kind.TEXT, 65_535, 0, charset);
  }

  static ColumnType longText(String charset) {
    return new ColumnType(Kind.LONGTEXT, 4_294_967_295L, 0, charset);
  }

  static ColumnType binary(int length) {
    return new ColumnType(Kind.BINARY, length, 0, null);
  }

  static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Kind.DECIMAL, precision, scale, null);
  }

  static ColumnType of(Kind kind) {
    return new ColumnType(kind, 0, 0, null);
  }

  static ColumnType dateTime(int fractionDigits) {
    return new ColumnType(Kind.DATETIME, fractionDigits, 0, null);
  }

  static ColumnType timestamp(int fractionDigits) {
    return new ColumnType(Kind.TIMESTAMP, fractionDigits, 0, null);
  }

  /**
   * The most characters a text column holds of any text: its length for {@code CHAR} and {@code
   * VARCHAR}, for {@code TEXT} types its bytes over the longest character's (4 in {@code utf8mb4}).
   */
  public int maxChars() {
    requireText();
    long chars = kind == Kind.CHAR || kind == Kind.VARCHAR ? size : size / bytesPerChar();
    return (int) Math.min(Integer.MAX_VALUE, chars);
  }

  /** Whether a text column holds the text: short enough, and only ASCII in an ASCII column. */
  public boolean holds(String text) {
    requireText();
    if (ASCII.equals(charset)) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) > 0x7F) {
          return false;
        }
      }
    }
    return text.codePointCount(0, text.length()) <= maxChars();
  }

  /** The longest start of the text a text column holds, never splitting a character. */
  public String clip(String text) {
    int max = maxChars();
    if (text.length() <= max) {
      return text;
    }
    int points = text.codePointCount(0, text.length());
    return points <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
  }

  /** {@link #clip(String)}, passing null on. */
  public @Nullable String clipOrNull(@Nullable String text) {
    return text == null ? null : clip(text);
  }

  /** Whether a {@code DECIMAL} column holds the number exactly: its scale and its whole digits. */
  public boolean holds(BigDecimal value) {
    require(kind == Kind.DECIMAL);
    BigDecimal plain = value.stripTrailingZeros();
    int whole = plain.precision() - plain.scale();
    return plain.scale() <= scale && whole <= size - scale;
  }

  /** The largest number an integer column holds. */
  public long maxValue() {
    return switch (kind) {
      case TINYINT -> Byte.MAX_VALUE;
      case SMALLINT -> Short.MAX_VALUE;
      case INT -> Integer.MAX_VALUE;
      default -> throw new IllegalStateException(kind + " is not an integer column");
    };
  }

  /** Whether an integer column holds the number. */
  public boolean holds(long value) {
    long max = maxValue();
    return value >= -max - 1 && value <= max;
  }

  /** Whether a {@code DATE} or {@code DATETIME} column holds the day: years 1000 to 9999. */
  public boolean holds(LocalDate day) {
    require(kind == Kind.DATE || kind == Kind.DATETIME);
    return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
  }

  /** Whether a {@code DATETIME} column holds the time: its day in years 1000 to 9999. */
  public boolean holds(LocalDateTime time) {
    require(kind == Kind.DATETIME);
    return holds(time.toLocalDate());
  }

  private int bytesPerChar() {
    return ASCII.equals(charset) ? 1 : 4;
  }

  private void requireText() {
    require(kind.isText());
  }

  private void require(boolean fits) {
    if (!fits) {
      throw new IllegalStateException("a " + kind + " column does not hold such a value");
    }
  }
}
