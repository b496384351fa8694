package vn.bhyt.claims.intake;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.VerbatimTable;

/**
 * The writer of a claim envelope ({@code GIAMDINHHS}, XML 130 layout, UTF-8), one dossier at a
 * time, so that an envelope of any size can be streamed.
 *
 * <p>A dossier that kept its tables as received ({@link ClaimDossier#verbatim()} not empty) is
 * written exactly so, a 4210 dossier therefore with its 4210 tables; any other dossier has its
 * parsed tables written as 130 inner XML by {@link InnerTableWriter}. The envelope announces {@link
 * EnvelopeHeader#declaredCount()} dossiers and must receive that many before {@link #close()}.
 * Closing finishes the envelope and flushes, but leaves the stream open.
 */
public final class ClaimEnvelopeWriter implements Closeable, Flushable {
  private final Writer out;
  private final EnvelopeHeader header;
  private int written;
  private boolean closed;

  private ClaimEnvelopeWriter(Writer out, EnvelopeHeader header) {
    this.out = out;
    this.header = header;
  }

  /** Starts an envelope on the stream, writing everything up to the first dossier. */
  public static ClaimEnvelopeWriter open(OutputStream out, EnvelopeHeader header)
      throws IOException {
    Objects.requireNonNull(out, "out");
    if (header.declaredCount() < 0) {
      throw new IllegalArgumentException(
          "declaredCount: " + header.declaredCount() + " (expected: >= 0)");
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GIAMDINHHS>\n<THONGTINDONVI><MACSKCB>");
    XmlText.write(w, header.facilityCode(), "facilityCode");
    w.write("</MACSKCB></THONGTINDONVI>\n<THONGTINHOSO>\n<NGAYLAP>");
    XmlText.write(w, header.createdOn(), "createdOn");
    w.write("</NGAYLAP>\n<SOLUONGHOSO>" + header.declaredCount() + "</SOLUONGHOSO>\n");
    w.write("<DANHSACHHOSO>\n");
    return new ClaimEnvelopeWriter(w, header);
  }

  /** Writes a whole envelope of these dossiers. */
  public static void write(
      OutputStream out, String facilityCode, String createdOn, List<ClaimDossier> dossiers)
      throws IOException {
    EnvelopeHeader header = new EnvelopeHeader(facilityCode, createdOn, dossiers.size());
    try (ClaimEnvelopeWriter envelope = open(out, header)) {
      for (ClaimDossier d : dossiers) {
        envelope.write(d);
      }
    }
  }

  /**
   * Writes one dossier as a {@code HOSO}.
   *
   * @throws IllegalArgumentException for a dossier of another facility
   * @throws IllegalStateException when the envelope is closed or already has its declared count
   */
  public void write(ClaimDossier dossier) throws IOException {
    if (closed || written == header.declaredCount()) {
      throw new IllegalStateException(
          closed ? "closed" : "dossiers: more than " + header.declaredCount());
    }
    if (!dossier.facilityCode().equals(header.facilityCode())) {
      throw new IllegalArgumentException(
          "facilityCode: " + dossier.facilityCode() + " (expected: " + header.facilityCode() + ")");
    }
    out.write("<HOSO>\n");
    List<VerbatimTable> files = InnerTableWriter.files(dossier);
    for (VerbatimTable file : files) {
      file(file);
    }
    out.write("</HOSO>\n");
    written++;
  }

  private void file(VerbatimTable file) throws IOException {
    out.write("<FILEHOSO><LOAIHOSO>");
    XmlText.write(out, file.name(), "LOAIHOSO");
    out.write("</LOAIHOSO><NOIDUNGFILE>");
    XmlText.write(out, file.base64(), "NOIDUNGFILE");
    out.write("</NOIDUNGFILE></FILEHOSO>\n");
  }

  /** Pushes what has been written so far to the stream. */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Finishes the envelope and flushes; the stream stays open.
   *
   * @throws IllegalStateException when fewer dossiers were written than declared
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.write("</DANHSACHHOSO>\n</THONGTINHOSO>\n<CHUKYDONVI/>\n</GIAMDINHHS>\n");
    out.flush();
    if (written != header.declaredCount()) {
      throw new IllegalStateException(
          "dossiers: " + written + " (expected: " + header.declaredCount() + ")");
    }
  }
}
