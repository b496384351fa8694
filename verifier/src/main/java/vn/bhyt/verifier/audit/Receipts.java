package vn.bhyt.verifier.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Receipts of card checks: proof that this gateway made a check, with that answer, of that card, at
 * that time, which anyone holding the receipt can have the gateway confirm (the model is the proof
 * of check of Germany's VSDM 2.0).
 *
 * <p>A receipt reads {@code version.seconds.result.source.mac}: the version of the key that signed
 * it, the time of the check in seconds since 1970 (the answer's {@code checkedAt}), the fund's
 * result code, the source of the answer, and the base64url HMAC-SHA256 over all of them, the check
 * id and the keyed hash of the card number ({@link CardHasher}). What it states is readable; only
 * the gateway's key makes it. Since it carries what it signs, a receipt is verified from the check
 * id and the card alone, before the audit record is written and wherever the record went.
 *
 * <p>Keys are kept by version: the highest signs, every one verifies, so a key is rotated by adding
 * a higher version and keeping the older ones for the receipts they signed.
 */
public final class Receipts {
  private static final String DOMAIN = "bhyt-card-check-receipt";
  private static final int MIN_KEY_BYTES = 32;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final NavigableMap<Integer, SecretKeySpec> keys;
  private final int current;
  private final ThreadLocal<Map<Integer, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

  private Receipts(NavigableMap<Integer, SecretKeySpec> keys) {
    this.keys = keys;
    this.current = keys.lastKey();
  }

  /**
   * Receipts made and verified with these keys, by version.
   *
   * @throws IllegalArgumentException when there is no key, a version is not 1 to 32767, or a key is
   *     shorter than 32 bytes
   */
  public static Receipts of(Map<Integer, byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("receipt keys: none (expected: at least one)");
    }
    NavigableMap<Integer, SecretKeySpec> specs = new TreeMap<>();
    for (Map.Entry<Integer, byte[]> e : keys.entrySet()) {
      int version = e.getKey();
      if (version < 1 || version > Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "receipt key version: " + version + " (expected: 1 to " + Short.MAX_VALUE + ")");
      }
      if (e.getValue().length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "receipt key "
                + version
                + ": "
                + e.getValue().length
                + " bytes (expected: >= "
                + MIN_KEY_BYTES
                + ")");
      }
      specs.put(version, new SecretKeySpec(e.getValue().clone(), "HmacSHA256"));
    }
    return new Receipts(specs);
  }

  /** The version of the key that signs new receipts. */
  public int version() {
    return current;
  }

  /** What a receipt states. */
  public record Statement(
      String checkId, @Nullable String cardHash, Instant checkedAt, String result, String source) {}

  /** A new receipt for a check, signed with the current key. */
  public String sign(Statement s) {
    long seconds = s.checkedAt().getEpochSecond();
    return current
        + "."
        + seconds
        + "."
        + s.result()
        + "."
        + s.source()
        + "."
        + BASE64.encodeToString(
            mac(current, s.checkId(), s.cardHash(), seconds, s.result(), s.source()));
  }

  /**
   * What a genuine receipt of a check states, or null when the receipt is malformed, names a key
   * this gateway does not hold, or was not made by this gateway for that check and card.
   *
   * @param cardHash the keyed hash of the card the check is said to be of, or null for a check of
   *     no card number
   */
  public @Nullable Signed verify(String receipt, String checkId, @Nullable String cardHash) {
    String[] parts = receipt.split("\\.", -1);
    if (parts.length != 5) {
      return null;
    }
    int version;
    long seconds;
    byte[] given;
    try {
      version = Integer.parseInt(parts[0]);
      seconds = Long.parseLong(parts[1]);
      given = Base64.getUrlDecoder().decode(parts[4]);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!keys.containsKey(version) || !token(parts[2]) || !token(parts[3])) {
      return null;
    }
    byte[] expected = mac(version, checkId, cardHash, seconds, parts[2], parts[3]);
    if (!MessageDigest.isEqual(expected, given)) {
      return null;
    }
    return new Signed(version, Instant.ofEpochSecond(seconds), parts[2], parts[3]);
  }

  /** What a genuine receipt states besides the check and the card: key version, time, answer. */
  public record Signed(int version, Instant checkedAt, String result, String source) {}

  private static boolean token(String part) {
    if (part.isEmpty() || part.length() > 16) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private byte[] mac(
      int version,
      String checkId,
      @Nullable String cardHash,
      long seconds,
      String result,
      String source) {
    String text =
        DOMAIN
            + '\n'
            + version
            + '\n'
            + checkId
            + '\n'
            + (cardHash == null ? "" : cardHash)
            + '\n'
            + seconds
            + '\n'
            + result
            + '\n'
            + source;
    return macs.get()
        .computeIfAbsent(version, this::newMac)
        .doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private Mac newMac(int version) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(keys.get(version));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
