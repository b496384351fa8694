package vn.bhyt.claims.intake;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import vn.bhyt.claims.intake.ClaimParseException.Reason;

/**
 * A table's {@code NOIDUNGFILE}: standard base64 in which spaces, tabs and line breaks are allowed
 * anywhere and padding may be left out.
 */
final class Base64Content {

  private Base64Content() {}

  /** Whether the text holds no base64 at all: nothing but spaces, tabs and line breaks. */
  static boolean isEmpty(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** The decoded bytes of the text, or {@link Reason#BAD_BASE64} for that place. */
  static InputStream decode(String text, Place place) throws ClaimParseException {
    if (text.indexOf('\n') < 0
        && text.indexOf(' ') < 0
        && text.indexOf('\r') < 0
        && text.indexOf('\t') < 0) {
      try {
        return new ByteArrayInputStream(Base64.getDecoder().decode(text));
      } catch (IllegalArgumentException e) {
        throw bad(place);
      }
    }
    byte[] ascii = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        continue;
      }
      if (c > 0x7F) {
        throw bad(place);
      }
      ascii[n++] = (byte) c;
    }
    try {
      ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(ascii, 0, n));
      return new ByteArrayInputStream(
          decoded.array(), decoded.arrayOffset() + decoded.position(), decoded.remaining());
    } catch (IllegalArgumentException e) {
      throw bad(place);
    }
  }

  private static ClaimParseException bad(Place place) {
    return place.error(Reason.BAD_BASE64, "the table's NOIDUNGFILE is not valid base64");
  }
}
