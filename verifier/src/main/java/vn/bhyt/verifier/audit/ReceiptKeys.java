package vn.bhyt.verifier.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys that sign card-check receipts ({@link Receipts}), by version: from the configuration, or
 * from a key file of the gateway's own, made on first start.
 *
 * <p>Both read {@code version:key} pairs, the key in base64 (at least 32 bytes); the configuration
 * separates them by commas, the file by lines (and may hold {@code #} comments). The highest
 * version signs. A file is rotated by {@link #rotate}, which adds a key one version higher and
 * keeps the others, so that the receipts they signed still verify.
 */
public final class ReceiptKeys {
  private static final int KEY_BYTES = 32;
  private static final String HEADER =
      "# Keys that sign card-check receipts, as version:base64. The highest version signs new"
          + " receipts;\n# every one verifies those it signed. Keep this file: without it no"
          + " receipt given so far verifies.\n";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReceiptKeys() {}

  /**
   * Keys as the configuration gives them: {@code version:base64} pairs separated by commas.
   *
   * @throws IllegalArgumentException when a pair is malformed or a version repeats
   */
  public static Receipts parse(String text) {
    return Receipts.of(pairs(text.split(","), "receipt.keys"));
  }

  /**
   * The keys of a key file, made with one new key (version 1) when the file does not exist,
   * readable by the gateway's user only. Gateways starting at once on one file all read the same
   * key.
   *
   * @throws IOException when the file cannot be read or made
   * @throws IllegalArgumentException when it holds a malformed line
   */
  public static Receipts inFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      create(file, Map.of(1, newKey()));
    }
    return Receipts.of(read(file));
  }

  /**
   * Adds a key one version above the file's highest (making the file when it does not exist).
   *
   * @return the new key's version
   */
  public static int rotate(Path file) throws IOException {
    TreeMap<Integer, byte[]> keys = Files.exists(file) ? read(file) : new TreeMap<>();
    int version = keys.isEmpty() ? 1 : keys.lastKey() + 1;
    keys.put(version, newKey());
    Path next = temporary(file, keys);
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return version;
  }

  private static TreeMap<Integer, byte[]> read(Path file) throws IOException {
    String[] lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toArray(String[]::new);
    return pairs(lines, file.toString());
  }

  private static TreeMap<Integer, byte[]> pairs(String[] items, String where) {
    TreeMap<Integer, byte[]> keys = new TreeMap<>();
    for (String raw : items) {
      String item = raw.strip();
      int colon = item.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            where + ": a key without a version (expected: N:base64)");
      }
      int version;
      byte[] key;
      try {
        version = Integer.parseInt(item.substring(0, colon).strip());
        key = Base64.getDecoder().decode(item.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ": a malformed key (expected: N:base64, N a number)", e);
      }
      if (keys.put(version, key) != null) {
        throw new IllegalArgumentException(where + ": version " + version + " given twice");
      }
    }
    return keys;
  }

  /** Makes the file unless another process made it meanwhile: then that one's key is used. */
  private static void create(Path file, Map<Integer, byte[]> keys) throws IOException {
    Path made = temporary(file, keys);
    try {
      Files.createLink(file, made);
    } catch (FileAlreadyExistsException e) {
      // made by a gateway starting at the same time
    } catch (UnsupportedOperationException e) {
      Files.move(made, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(made);
    }
  }

  /** The keys written to a new owner-only file beside {@code file}. */
  private static Path temporary(Path file, Map<Integer, byte[]> keys) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp;
    try {
      tmp =
          Files.createTempFile(
              dir,
              ".receipt-keys",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(dir, ".receipt-keys", ".tmp");
    }
    StringBuilder text = new StringBuilder(HEADER);
    for (Map.Entry<Integer, byte[]> e : new TreeMap<>(keys).entrySet()) {
      text.append(e.getKey())
          .append(':')
          .append(Base64.getEncoder().encodeToString(e.getValue()))
          .append('\n');
    }
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    return tmp;
  }

  private static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }
}
