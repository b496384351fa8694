package vn.bhyt.fhir;

import java.util.ArrayList;
import java.util.List;

/**
 * FHIR's escapes in search values: {@code \,}, {@code \|}, {@code \$} and {@code \\} stand for the
 * characters themselves instead of separating values.
 */
final class FhirEscapes {
  private FhirEscapes() {}

  /** Splits a value at each unescaped separator, keeping the escapes in the parts. */
  static List<String> split(String value, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' && i + 1 < value.length()) {
        part.append(ch).append(value.charAt(++i));
      } else if (ch == separator) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(ch);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** A part without its escapes. */
  static String unescape(String part) {
    StringBuilder out = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      char ch = part.charAt(i);
      if (ch == '\\' && i + 1 < part.length()) {
        ch = part.charAt(++i);
      }
      out.append(ch);
    }
    return out.toString();
  }

  /** A text with its separators escaped. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$");
  }
}
