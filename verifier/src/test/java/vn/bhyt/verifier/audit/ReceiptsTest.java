package vn.bhyt.verifier.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.domain.Ulids;

class ReceiptsTest {
  static final Instant AT = Instant.parse("2026-12-07T01:02:03.456Z");
  static final String HASH = "0123456789abcdef";

  static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  static Receipts.Statement statement(String id) {
    return new Receipts.Statement(id, HASH, AT, "000", "registry");
  }

  @Test
  void aReceiptStatesItsCheckAndVerifiesForItsCheckAndCardOnly() {
    Receipts receipts = Receipts.of(Map.of(1, key(1)));
    String id = Ulids.next(AT);
    String receipt = receipts.sign(statement(id));
    assertThat(receipt).startsWith("1." + AT.getEpochSecond() + ".000.registry.");
    assertThat(receipts.verify(receipt, id, HASH))
        .isEqualTo(
            new Receipts.Signed(1, Instant.ofEpochSecond(AT.getEpochSecond()), "000", "registry"));
    assertThat(receipts.verify(receipt, Ulids.next(AT), HASH)).as("another check").isNull();
    assertThat(receipts.verify(receipt, id, "fedcba9876543210")).as("another card").isNull();
    assertThat(receipts.verify(receipt, id, null)).as("no card").isNull();
  }

  @Test
  void aCheckOfNoCardNumberHasAReceiptToo() {
    Receipts receipts = Receipts.of(Map.of(1, key(1)));
    String id = Ulids.next(AT);
    String receipt = receipts.sign(new Receipts.Statement(id, null, AT, "010", "card"));
    assertThat(receipts.verify(receipt, id, null)).isNotNull();
    assertThat(receipts.verify(receipt, id, HASH)).isNull();
  }

  @Test
  void changingAnyCharacterOfAReceiptMakesItFalse() {
    Receipts receipts = Receipts.of(Map.of(1, key(1), 2, key(2)));
    String id = Ulids.next(AT);
    String receipt = receipts.sign(statement(id));
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.";
    for (int i = 0; i < receipt.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c == receipt.charAt(i)) {
          continue;
        }
        String changed = receipt.substring(0, i) + c + receipt.substring(i + 1);
        if (changed.endsWith("=")) {
          continue;
        }
        Receipts.Signed signed = receipts.verify(changed, id, HASH);
        // base64url's last character carries 2 unused bits: four of its values decode alike
        if (signed != null) {
          assertThat(i).as(changed).isEqualTo(receipt.length() - 1);
          assertThat(Base64.getUrlDecoder().decode(changed.substring(changed.lastIndexOf('.') + 1)))
              .isEqualTo(
                  Base64.getUrlDecoder().decode(receipt.substring(receipt.lastIndexOf('.') + 1)));
        }
      }
    }
  }

  @Test
  void arbitraryTextIsNeverGenuineAndNeverThrows() {
    Receipts receipts = Receipts.of(Map.of(1, key(1)));
    String id = Ulids.next(AT);
    Random random = new Random(20261207);
    String chars = "0123456789.abcxyzABC-_+/=é\u0000 ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(90); i > 0; i--) {
        text.append(chars.charAt(random.nextInt(chars.length())));
      }
      assertThat(receipts.verify(text.toString(), id, HASH)).as(text.toString()).isNull();
    }
  }

  @Test
  void theHighestVersionSignsAndEveryVersionVerifies() {
    String id = Ulids.next(AT);
    String old = Receipts.of(Map.of(1, key(1))).sign(statement(id));
    Receipts rotated = Receipts.of(Map.of(1, key(1), 2, key(2)));
    assertThat(rotated.version()).isEqualTo(2);
    assertThat(rotated.sign(statement(id))).startsWith("2.");
    assertThat(rotated.verify(old, id, HASH)).isNotNull();
    assertThat(Receipts.of(Map.of(1, key(9))).verify(old, id, HASH))
        .as("another gateway's key 1")
        .isNull();
    assertThat(Receipts.of(Map.of(2, key(2))).verify(old, id, HASH)).as("key 1 retired").isNull();
  }

  @Test
  void keysShorterThan32BytesOrOddVersionsAreRefused() {
    assertThatThrownBy(() -> Receipts.of(Map.of(1, new byte[31]))).hasMessageContaining("31 bytes");
    assertThatThrownBy(() -> Receipts.of(Map.of(0, key(1)))).hasMessageContaining("version: 0");
    assertThatThrownBy(() -> Receipts.of(Map.of())).hasMessageContaining("none");
  }

  @Test
  void keysFromTheConfigurationAreVersionColonBase64() {
    String one = Base64.getEncoder().encodeToString(key(1));
    String two = Base64.getEncoder().encodeToString(key(2));
    Receipts parsed = ReceiptKeys.parse("1:" + one + ", 2:" + two);
    assertThat(parsed.version()).isEqualTo(2);
    String id = Ulids.next(AT);
    assertThat(parsed.verify(Receipts.of(Map.of(1, key(1))).sign(statement(id)), id, HASH))
        .isNotNull();
    assertThatThrownBy(() -> ReceiptKeys.parse(one)).hasMessageContaining("without a version");
    assertThatThrownBy(() -> ReceiptKeys.parse("1:" + one + ",1:" + two))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ReceiptKeys.parse("x:" + one)).hasMessageNotContaining(one);
  }

  @Test
  void aKeyFileIsMadeOnceOwnerOnlyAndRotationAddsAVersion(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/receipt-keys");
    Receipts first = ReceiptKeys.inFile(file);
    assertThat(first.version()).isEqualTo(1);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String id = Ulids.next(AT);
    String receipt = first.sign(statement(id));
    assertThat(ReceiptKeys.inFile(file).verify(receipt, id, HASH))
        .as("read again, not made again")
        .isNotNull();
    assertThat(ReceiptKeys.rotate(file)).isEqualTo(2);
    assertThat(ReceiptKeys.rotate(file)).isEqualTo(3);
    Receipts rotated = ReceiptKeys.inFile(file);
    assertThat(rotated.version()).isEqualTo(3);
    assertThat(rotated.verify(receipt, id, HASH)).isNotNull();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var left = Files.list(file.getParent())) {
      assertThat(left).as("no temporary files left").containsExactly(file);
    }
  }

  @Test
  void gatewaysStartingAtOnceOnOneKeyFileReadOneKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("receipt-keys");
    Receipts[] read = new Receipts[8];
    Thread[] threads = new Thread[read.length];
    for (int i = 0; i < threads.length; i++) {
      int n = i;
      threads[i] =
          new Thread(
              () -> {
                try {
                  read[n] = ReceiptKeys.inFile(file);
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    String id = Ulids.next(AT);
    String receipt = read[0].sign(statement(id));
    for (Receipts r : read) {
      assertThat(r.verify(receipt, id, HASH)).isNotNull();
    }
  }
}
