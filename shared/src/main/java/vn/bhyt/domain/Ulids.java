package vn.bhyt.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ULIDs: 26 characters, time-ordered, 80 random bits, Crockford base32; as bytes, 48 bits of time
 * and the 80 random bits, big-endian, which sort as the text does. Unique, not secret.
 */
public final class Ulids {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  private Ulids() {}

  /** A new id for a moment. */
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

  /**
   * The 16 bytes of an id: 48 bits of time, then 80 random bits, big-endian.
   *
   * @throws IllegalArgumentException when the text is not a ULID
   */
  public static byte[] bytes(String id) {
    if (id.length() != 26 || value(id, 0) > 7) {
      throw new IllegalArgumentException("not a ULID (expected: 26 characters)");
    }
    long time = 0;
    for (int i = 0; i < 10; i++) {
      time = time << 5 | value(id, i);
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = hi << 5 | value(id, 10 + i);
      lo = lo << 5 | value(id, 18 + i);
    }
    byte[] out = new byte[16];
    put(out, 0, time, 6);
    put(out, 6, hi, 5);
    put(out, 11, lo, 5);
    return out;
  }

  /** Whether the text is a ULID. */
  public static boolean valid(String id) {
    try {
      bytes(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int value(String id, int i) {
    char c = id.charAt(i);
    int v = c < VALUES.length ? VALUES[c] : -1;
    if (v < 0) {
      throw new IllegalArgumentException("not a ULID (expected: Crockford base32 digits)");
    }
    return v;
  }

  private static void put(byte[] out, int at, long value, int length) {
    for (int i = length - 1; i >= 0; i--) {
      out[at + i] = (byte) value;
      value >>>= 8;
    }
  }
}
