package vn.bhyt.claims.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;

/**
 * Generated claim envelopes of any size, the same for the same seed, written as they are generated
 * so that even a large one never sits in memory: {@code ClaimEnvelopes.of(1_000, 20,
 * 42).writeTo(out)}.
 *
 * <p>Each dossier comes from {@link ClaimDossiers} (one in five a stay), and {@link #dossier(int)}
 * gives the one a reader must give back for that position.
 */
public final class ClaimEnvelopes {
  private final int visits;
  private final int linesPerVisit;
  private final long seed;
  private String facility = "79034";
  private String createdOn = "20261101";
  private boolean in4210;

  private ClaimEnvelopes(int visits, int linesPerVisit, long seed) {
    this.visits = visits;
    this.linesPerVisit = linesPerVisit;
    this.seed = seed;
  }

  /** An envelope of that many visits, each with that many lines (XML2 and XML3 together). */
  public static ClaimEnvelopes of(int visits, int linesPerVisit, long seed) {
    return new ClaimEnvelopes(visits, linesPerVisit, seed);
  }

  public ClaimEnvelopes facility(String code) {
    facility = code;
    return this;
  }

  /** Every dossier in the 4210 format. */
  public ClaimEnvelopes in4210() {
    in4210 = true;
    return this;
  }

  public EnvelopeHeader header() {
    return new EnvelopeHeader(facility, createdOn, visits);
  }

  /** The dossier at that position (from 1), as the reader gives it back. */
  public ClaimDossier dossier(int index) {
    long own = new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L).nextLong();
    ClaimDossiers d =
        ClaimDossiers.aVisit()
            .seed(own)
            .index(index)
            .facility(facility)
            .withLines(linesPerVisit)
            .inpatient(Math.floorMod(own, 5) == 0);
    return (in4210 ? d.in4210() : d).build();
  }

  public Stream<ClaimDossier> dossiers() {
    return IntStream.rangeClosed(1, visits).mapToObj(this::dossier);
  }

  /** Writes the envelope, generating each dossier just before it is written. */
  public void writeTo(OutputStream out) throws IOException {
    try (ClaimEnvelopeWriter envelope = ClaimEnvelopeWriter.open(out, header())) {
      for (int i = 1; i <= visits; i++) {
        envelope.write(dossier(i));
      }
    }
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The envelope as a stream that generates each dossier when the reader gets to it. */
  public Generating stream() {
    return new Generating();
  }

  /** The envelope's bytes, produced one dossier at a time as they are read. */
  public final class Generating extends InputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private ClaimEnvelopeWriter writer;
    private int next = 1;
    private boolean finished;
    private byte[] chunk = new byte[0];
    private int at;

    private Generating() {}

    /** How many dossiers have been generated so far. */
    public int produced() {
      return next - 1;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (at == chunk.length) {
        if (!produce()) {
          return -1;
        }
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      return n;
    }

    private boolean produce() throws IOException {
      if (finished) {
        return false;
      }
      if (writer == null) {
        writer = ClaimEnvelopeWriter.open(pending, header());
      } else if (next <= visits) {
        writer.write(dossier(next++));
      } else {
        writer.close();
        finished = true;
      }
      writer.flush();
      chunk = pending.toByteArray();
      pending.reset();
      at = 0;
      return true;
    }
  }
}
