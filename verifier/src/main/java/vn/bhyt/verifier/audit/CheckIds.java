package vn.bhyt.verifier.check;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Check ids: 26 characters, time-ordered, 80 random bits (ULID layout, Crockford base32). Unique,
 * not secret.
 */
public final class CheckIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private CheckIds() {}

  /** A new id for a check made at a time. */
  public static String next(Instant at) {
    char[] out = new char[26];
    long millis = at.toEpochMilli();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    byte[] random = new byte[10];
    ThreadLocalRandom.current().nextBytes(random);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 5; i++) {
      hi = hi << 8 | (random[i] & 0xff);
      lo = lo << 8 | (random[i + 5] & 0xff);
    }
    for (int i = 0; i < 8; i++) {
      out[17 - i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
      out[25 - i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return new String(out);
  }
}
