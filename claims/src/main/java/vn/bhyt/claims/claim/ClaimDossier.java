package vn.bhyt.claims.claim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit's claim: an XML 130 {@code HOSO}, keyed by its {@code MA_LK}.
 *
 * @param format the file format it came in
 * @param facilityCode the submitting facility ({@code MACSKCB} of the envelope)
 * @param index the dossier's position in its envelope, from 1
 * @param tables the parsed tables {@code XML1} … {@code XML5} that were present, in file order
 * @param verbatim every table as received (the parsed ones too), in file order, so that the claim
 *     can be passed on exactly as submitted; empty for a claim that did not arrive as XML
 */
public record ClaimDossier(
    ClaimFormat format,
    String facilityCode,
    int index,
    List<ClaimTable> tables,
    List<VerbatimTable> verbatim) {

  public static final String SUMMARY = "XML1";
  public static final String DRUGS = "XML2";
  public static final String SERVICES = "XML3";
  public static final String RESULTS = "XML4";
  public static final String PROGRESS = "XML5";

  public ClaimDossier {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(facilityCode, "facilityCode");
    tables = List.copyOf(tables);
    verbatim = List.copyOf(verbatim);
  }

  /** The table of that name, when the dossier has it. */
  public Optional<ClaimTable> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The rows of that table; empty when the dossier lacks it. */
  public List<ClaimRow> rows(String name) {
    return table(name).map(ClaimTable::rows).orElse(List.of());
  }

  /** The {@code XML1} summary row, when present. */
  public Optional<ClaimRow> summary() {
    return rows(SUMMARY).stream().findFirst();
  }

  /** The visit key {@code MA_LK} from the summary, when present. */
  public Optional<String> maLk() {
    return summary().flatMap(s -> s.get("MA_LK"));
  }
}
