package vn.bhyt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;

/** A large envelope is read one dossier at a time: no read-ahead, nothing kept. */
class StreamingTest {
  private static final int VISITS = 2_000;

  @Test
  void twoThousandVisitsPassThroughOneAtATime() throws Exception {
    ClaimEnvelopes envelopes = ClaimEnvelopes.of(VISITS, 20, 2026);
    ClaimEnvelopes.Generating in = envelopes.stream();
    List<WeakReference<ClaimDossier>> seen = new ArrayList<>();
    long[] liveAtHalfway = new long[1];
    long before = liveHeap();

    EnvelopeHeader header =
        new ClaimEnvelopeReader()
            .read(
                in,
                d -> {
                  assertThat(d.index()).isEqualTo(seen.size() + 1);
                  assertThat(in.produced())
                      .as("dossiers generated")
                      .isLessThanOrEqualTo(d.index() + 1);
                  seen.add(new WeakReference<>(d));
                  if (d.index() == VISITS / 2) {
                    liveAtHalfway[0] = liveHeap();
                  }
                });

    liveHeap();
    assertThat(header.declaredCount()).isEqualTo(VISITS);
    assertThat(seen).hasSize(VISITS);
    assertThat(liveAtHalfway[0] - before).as("heap held halfway").isLessThan(32L << 20);
    assertThat(seen.subList(0, VISITS - 1).stream().filter(r -> r.get() != null).count())
        .as("earlier dossiers still reachable")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void sampledDossiersReadBackAsGenerated() throws Exception {
    ClaimEnvelopes envelopes = ClaimEnvelopes.of(300, 20, 77);
    List<ClaimDossier> sampled = new ArrayList<>();

    new ClaimEnvelopeReader()
        .read(
            envelopes.stream(),
            d -> {
              if (d.index() % 97 == 1) {
                sampled.add(d);
              }
            });

    assertThat(sampled).hasSize(4);
    for (ClaimDossier d : sampled) {
      assertThat(d).isEqualTo(envelopes.dossier(d.index()));
    }
  }

  private static long liveHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
