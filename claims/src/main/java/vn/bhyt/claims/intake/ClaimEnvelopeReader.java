package vn.bhyt.claims.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.VerbatimTable;

/**
 * The streaming reader of claim envelopes ({@code GIAMDINHHS}) in the XML 130 format and the older
 * 4210 format, which share the envelope.
 *
 * <p>Dossiers ({@code HOSO}) are handed to the consumer one at a time, as soon as each has been
 * read, and are not kept: memory holds one dossier and one table's text, whatever the envelope's
 * size. The format is judged per dossier from its {@code XML1} fields, and 4210 names are replaced
 * by their 130 names ({@link Qd4210Fields}).
 *
 * <p>Reading stops with a {@link ClaimParseException} at the first fault, which may come after
 * earlier dossiers were handed on; the exception names the failing dossier. A caller that must not
 * keep half an envelope handles the dossiers in a transaction it rolls back on failure.
 *
 * <p>A DOCTYPE is refused wherever it appears, so entities are never expanded and no external file
 * is ever read. Instances are immutable and may be shared between threads.
 */
public final class ClaimEnvelopeReader {
  private final IntakeLimits limits;

  /** A reader with {@link IntakeLimits#DEFAULTS}. */
  public ClaimEnvelopeReader() {
    this(IntakeLimits.DEFAULTS);
  }

  public ClaimEnvelopeReader(IntakeLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads an envelope to its end, handing each dossier to {@code each} in envelope order.
   *
   * @return the envelope's header
   * @throws ClaimParseException when the envelope, a dossier or a table cannot be read
   * @throws IOException when the stream itself fails; exceptions thrown by {@code each} pass
   *     through unchanged
   */
  public EnvelopeHeader read(InputStream in, Consumer<ClaimDossier> each)
      throws ClaimParseException, IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(each, "each");
    XmlEvents xml = XmlEvents.open(in, limits, Place.ENVELOPE, false);
    return new EnvelopeScan(xml, limits, each).read();
  }

  /**
   * Reads a dossier back from its tables as stored: the tables of one {@code HOSO}, in file order.
   * Only the tables it parses ({@code XML1} … {@code XML5}) are decoded; the others were checked
   * when they were received.
   *
   * @throws ClaimParseException when a table cannot be read or the summary has no {@code MA_LK}
   * @throws IOException when decoding fails
   */
  public ClaimDossier dossier(String facilityCode, List<VerbatimTable> files)
      throws ClaimParseException, IOException {
    DossierAssembler dossier = new DossierAssembler(1, facilityCode, limits, false);
    for (VerbatimTable file : files) {
      dossier.add(file.name(), file.base64());
    }
    return dossier.finish();
  }
}
