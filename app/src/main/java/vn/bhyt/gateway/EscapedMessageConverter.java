package vn.bhyt.gateway;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with every control character escaped, so that one event is one line: a value
 * logged from a request (a JSON field name, a header) can never forge a line of its own. Line
 * breaks become {@code \n} and {@code \r}, tabs {@code \t}, other control characters and the
 * Unicode line and paragraph separators {@code \}{@code uXXXX}, and a backslash {@code \\}. Used as
 * {@code %msg} by the gateway's logback configuration; stack traces keep their own lines.
 */
public final class EscapedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return escape(super.convert(event));
  }

  /** The text with its control characters escaped; the same string when it has none. */
  static String escape(String text) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == 0x7f || c == '\\' || c == '\u2028' || c == '\u2029' || c == 0x85;
  }
}
