package vn.bhyt.claims.fhir;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Logical ids of stored resources: 26 characters, time-ordered, 80 random bits (ULID layout,
 * Crockford base32), within FHIR's {@code [A-Za-z0-9-.]{1,64}}.
 */
public final class ResourceIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private ResourceIds() {}

  /** A new id. */
  public static String next() {
    char[] out = new char[26];
    long millis = Instant.now().toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    long hi = ThreadLocalRandom.current().nextLong();
    long lo = ThreadLocalRandom.current().nextLong();
    for (int i = 0; i < 8; i++) {
      out[17 - i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
      out[25 - i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return new String(out);
  }

  /** Whether a text is a valid FHIR logical id. */
  public static boolean valid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
