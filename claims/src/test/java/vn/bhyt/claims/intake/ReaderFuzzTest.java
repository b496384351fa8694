package vn.bhyt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged envelopes give dossiers or a documented parse failure, never anything else. */
class ReaderFuzzTest {
  private static final IntakeLimits SMALL = new IntakeLimits(64 << 10, 200, 4 << 10);

  private static void readsOrFailsCleanly(byte[] body) {
    try {
      new ClaimEnvelopeReader(SMALL).read(new ByteArrayInputStream(body), d -> {});
    } catch (ClaimParseException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.toProblem().type().status()).isBetween(400, 499);
    } catch (Exception e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }

  private static byte[] mutate(byte[] original, Random r) {
    byte[] b = original.clone();
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(3)) {
        case 0 -> b[at] = (byte) r.nextInt(256);
        case 1 -> b[at] = (byte) "<>&/=\"'![]?-".charAt(r.nextInt(12));
        default -> {
          byte[] cut = new byte[at];
          System.arraycopy(b, 0, cut, 0, at);
          b = cut.length == 0 ? new byte[] {'<'} : cut;
        }
      }
    }
    return b;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void damagedEnvelopes(long seed) {
    byte[] envelope = ClaimEnvelopes.of(2, 4, seed).bytes();
    Random r = new Random(seed);
    for (int i = 0; i < 300; i++) {
      readsOrFailsCleanly(mutate(envelope, r));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7, 8, 9, 10})
  void damagedInnerTables(long seed) {
    Random r = new Random(seed);
    byte[] xml1 = Qd130EnvelopeTest.XML1.getBytes(StandardCharsets.UTF_8);
    byte[] xml3 = Qd130EnvelopeTest.XML3.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 300; i++) {
      String one = new String(mutate(xml1, r), StandardCharsets.ISO_8859_1);
      String three = new String(mutate(xml3, r), StandardCharsets.ISO_8859_1);
      RawEnvelope e =
          RawEnvelope.from("79034")
              .dossier()
              .content("XML1", base64(one))
              .content("XML3", base64(three));
      readsOrFailsCleanly(e.bytes());
    }
  }

  private static String base64(String latin1) {
    return Base64.getEncoder().encodeToString(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }
}
