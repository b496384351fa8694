package vn.bhyt.claims.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;

/** Writing dossiers and reading the envelope back gives the same dossiers. */
class RoundTripTest {

  private static List<ClaimDossier> readBack(byte[] envelope) throws Exception {
    List<ClaimDossier> out = new ArrayList<>();
    new ClaimEnvelopeReader().read(new ByteArrayInputStream(envelope), out::add);
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1_000, -7, 20_260_101, Long.MAX_VALUE})
  void writtenThenReadGivesEqualDossiers(long seed) throws Exception {
    ClaimEnvelopes envelopes = ClaimEnvelopes.of(12, 1 + (int) Math.floorMod(seed, 30), seed);

    assertThat(readBack(envelopes.bytes())).isEqualTo(envelopes.dossiers().toList());
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 77, 123_456})
  void a4210EnvelopeReadsBackWithIts130Names(long seed) throws Exception {
    ClaimEnvelopes envelopes = ClaimEnvelopes.of(8, 15, seed).in4210();

    List<ClaimDossier> read = readBack(envelopes.bytes());

    assertThat(read).isEqualTo(envelopes.dossiers().toList());
    assertThat(read).extracting(ClaimDossier::format).containsOnly(ClaimFormat.QD4210);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void dossiersWithoutVerbatimTablesAreWrittenFromTheirRows(long seed) throws Exception {
    List<ClaimDossier> built = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      built.add(
          ClaimDossiers.aVisit()
              .seed(seed * 10 + i)
              .index(i)
              .inpatient(i % 2 == 0)
              .withoutVerbatim()
              .build());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, "79034", "20261101", built);

    List<ClaimDossier> read = readBack(out.toByteArray());

    assertThat(read).hasSize(5);
    for (int i = 0; i < 5; i++) {
      ClaimDossier b = built.get(i);
      ClaimDossier r = read.get(i);
      assertThat(r.tables()).isEqualTo(b.tables());
      assertThat(r.index()).isEqualTo(b.index());
      assertThat(r.format()).isEqualTo(ClaimFormat.QD130);
      assertThat(r.verbatim())
          .extracting(v -> v.name())
          .containsExactlyElementsOf(b.tables().stream().map(t -> t.name()).toList());
    }
  }

  @Test
  void textsThatNeedEscapingSurviveTheWriter() throws Exception {
    ClaimDossier d = ClaimDossiers.aVisit().withoutVerbatim().build();
    Map<String, String> summary = new HashMap<>(d.summary().orElseThrow().fields());
    summary.put("DIA_CHI", "Số 3 & 5 <Khu A> \"B\" 'C'\r\nTầng 2\tPhòng ]]> 7");
    ClaimDossier odd =
        new ClaimDossier(
            d.format(),
            d.facilityCode(),
            1,
            List.of(new ClaimTable("XML1", List.of(new ClaimRow(1, summary)))),
            List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter.write(out, "79034", "20261101", List.of(odd));

    assertThat(readBack(out.toByteArray()).get(0).tables()).isEqualTo(odd.tables());
  }

  @Test
  void theWriterHoldsToTheDeclaredCountAndTheFacility() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimEnvelopeWriter w =
        ClaimEnvelopeWriter.open(out, new EnvelopeHeader("79034", "20261101", 1));

    assertThatThrownBy(() -> w.write(ClaimDossiers.aVisit().facility("01043").build()))
        .isInstanceOf(IllegalArgumentException.class);
    w.write(ClaimDossiers.aVisit().build());
    assertThatThrownBy(() -> w.write(ClaimDossiers.aVisit().build()))
        .isInstanceOf(IllegalStateException.class);
    w.close();
    assertThat(readBack(out.toByteArray())).hasSize(1);
  }

  @Test
  void closingBeforeTheDeclaredCountFails() throws Exception {
    ClaimEnvelopeWriter w =
        ClaimEnvelopeWriter.open(new ByteArrayOutputStream(), new EnvelopeHeader("79034", "", 2));
    w.write(ClaimDossiers.aVisit().build());

    assertThatThrownBy(w::close).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theHeaderIsReadBack() throws Exception {
    ClaimEnvelopes envelopes = ClaimEnvelopes.of(3, 5, 9).facility("01043");

    EnvelopeHeader header =
        new ClaimEnvelopeReader().read(new ByteArrayInputStream(envelopes.bytes()), d -> {});

    assertThat(header).isEqualTo(new EnvelopeHeader("01043", "20261101", 3));
  }

  @Test
  void theGeneratedStreamIsTheWrittenEnvelope() throws Exception {
    ClaimEnvelopes envelopes = ClaimEnvelopes.of(20, 10, 3);

    assertThat(envelopes.stream().readAllBytes()).isEqualTo(envelopes.bytes());
  }
}
