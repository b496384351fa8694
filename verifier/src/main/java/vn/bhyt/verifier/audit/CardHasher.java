package vn.bhyt.verifier.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import vn.bhyt.persistence.InstallationKey;

/**
 * A short keyed hash of a card number, for audit records and logs.
 *
 * <p>Card numbers are few enough to guess, so a plain hash would reveal them; the key is the
 * installation's own, made once and kept in the database. Hashes of recently seen cards are kept in
 * memory, as the registry cache keeps their rows.
 */
public final class CardHasher {
  private final ThreadLocal<Mac> macs;
  private final Cache<String, String> recent = Caffeine.newBuilder().maximumSize(100_000).build();

  public CardHasher(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("key: " + key.length + " bytes (expected: >= 16)");
    }
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> mac(spec));
  }

  private static Mac mac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** The installation's hasher, with the key it keeps in the database ({@link InstallationKey}). */
  public static CardHasher of(DataSource ds) throws SQLException {
    return new CardHasher(InstallationKey.read(ds));
  }

  /** The first 16 hex digits of the HMAC-SHA256 of a card number. */
  public String hash(String cardNumber) {
    return recent.get(cardNumber, this::compute);
  }

  private String compute(String cardNumber) {
    byte[] digest = macs.get().doFinal(cardNumber.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }
}
