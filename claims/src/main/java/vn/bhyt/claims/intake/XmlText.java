package vn.bhyt.claims.intake;

import java.io.IOException;
import java.io.Writer;

/** Text written as XML character data. */
final class XmlText {

  private XmlText() {}

  /**
   * Appends the text with {@code &}, {@code <}, {@code >} escaped and carriage returns as character
   * references, so that a parser gives back the same characters.
   *
   * @throws IllegalArgumentException when the text holds a character XML 1.0 cannot carry
   */
  static void append(StringBuilder to, String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> to.append("&amp;");
        case '<' -> to.append("&lt;");
        case '>' -> to.append("&gt;");
        case '\r' -> to.append("&#13;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF) {
            throw new IllegalArgumentException(what + ": holds a character XML cannot carry");
          }
          to.append(c);
        }
      }
    }
  }

  /** Writes the text escaped as {@link #append} does; text that needs no escaping goes as is. */
  static void write(Writer to, String text, String what) throws IOException {
    if (plain(text)) {
      to.write(text);
      return;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    append(escaped, text, what);
    to.append(escaped);
  }

  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '&' || c == '<' || c == '>' || (c < 0x20 && c != '\t' && c != '\n') || c >= 0xFFFE) {
        return false;
      }
    }
    return true;
  }
}
