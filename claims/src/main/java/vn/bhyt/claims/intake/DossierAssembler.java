package vn.bhyt.claims.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;
import vn.bhyt.claims.claim.VerbatimTable;
import vn.bhyt.claims.intake.ClaimParseException.Reason;

/**
 * One {@code HOSO} being read: its tables are kept as received and every one is decoded as it
 * arrives; {@code XML1} … {@code XML5} are parsed whole, any other table (passed on, never parsed)
 * up to its root element, so that a DOCTYPE is refused in every table received. Tables read back
 * from the store were checked so when they were received, and those passed on are not read again.
 * The finished dossier gets its format and, for 4210, the 130 names.
 */
final class DossierAssembler {
  private static final Set<String> PARSED =
      Set.of(
          ClaimDossier.SUMMARY,
          ClaimDossier.DRUGS,
          ClaimDossier.SERVICES,
          ClaimDossier.RESULTS,
          ClaimDossier.PROGRESS);

  private final Place place;
  private final String facilityCode;
  private final IntakeLimits limits;
  private final boolean received;
  private final List<ClaimTable> tables = new ArrayList<>();
  private final List<VerbatimTable> verbatim = new ArrayList<>();

  /**
   * A dossier being read: one just received ({@code received}), whose every table is checked, or
   * one read back from the store.
   */
  DossierAssembler(int index, String facilityCode, IntakeLimits limits, boolean received) {
    this.place = Place.dossier(index);
    this.facilityCode = facilityCode;
    this.limits = limits;
    this.received = received;
  }

  /** Adds one {@code FILEHOSO}: its {@code LOAIHOSO} and {@code NOIDUNGFILE}. */
  void add(@Nullable String type, String content) throws ClaimParseException, IOException {
    if (type == null || type.isEmpty()) {
      throw place.error(Reason.NO_TABLE_TYPE, "a FILEHOSO has no LOAIHOSO");
    }
    verbatim.add(new VerbatimTable(type, content));
    Place at = place.table(type);
    if (!PARSED.contains(type)) {
      if (received && !Base64Content.isEmpty(content)) {
        XmlEvents.open(Base64Content.decode(content, at), limits, at, true).root();
      }
      return;
    }
    if (tables.stream().anyMatch(t -> t.name().equals(type))) {
      throw at.error(Reason.DUPLICATE_TABLE, "the table appears twice");
    }
    List<ClaimRow> rows = InnerTableReader.read(Base64Content.decode(content, at), at, limits);
    tables.add(new ClaimTable(type, rows));
  }

  /** The dossier, once its {@code XML1} has been checked for {@code MA_LK}. */
  ClaimDossier finish() throws ClaimParseException {
    ClaimTable summary =
        tables.stream()
            .filter(t -> t.name().equals(ClaimDossier.SUMMARY))
            .findFirst()
            .orElseThrow(() -> place.error(Reason.NO_SUMMARY, "the dossier has no XML1 table"));
    Place at = place.table(ClaimDossier.SUMMARY);
    if (summary.rows().isEmpty() || !summary.rows().get(0).has("MA_LK")) {
      throw at.error(Reason.NO_MA_LK, "the summary has no MA_LK");
    }
    ClaimFormat format = Qd4210Fields.detect(summary.rows().get(0));
    List<ClaimTable> named =
        format == ClaimFormat.QD4210
            ? tables.stream().map(Qd4210Fields::normalise).toList()
            : tables;
    return new ClaimDossier(format, facilityCode, place.dossier(), named, verbatim);
  }
}
