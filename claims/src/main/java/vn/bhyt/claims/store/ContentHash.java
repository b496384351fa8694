package vn.bhyt.claims.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.VerbatimTable;
import vn.bhyt.claims.intake.InnerTableWriter;

/**
 * The SHA-256 of a dossier's content, which decides whether a submission repeats the stored one:
 * over its tables as received, in file order, each as its type and its base64 text less white space
 * and padding, so that the same files wrapped at other widths hash the same.
 */
public final class ContentHash {
  private ContentHash() {}

  /** The hash of the dossier's tables as received, or of its parsed tables when it has none. */
  public static byte[] of(ClaimDossier dossier) {
    List<VerbatimTable> tables = InnerTableWriter.files(dossier);
    MessageDigest sha = sha256();
    for (VerbatimTable t : tables) {
      sha.update(t.name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(canonical(t.base64()));
      sha.update((byte) '\n');
    }
    return sha.digest();
  }

  private static byte[] canonical(String base64) {
    byte[] out = new byte[base64.length()];
    int n = 0;
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        out[n++] = (byte) c;
      }
    }
    while (n > 0 && out[n - 1] == '=') {
      n--;
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
