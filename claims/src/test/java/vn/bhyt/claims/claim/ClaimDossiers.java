package vn.bhyt.claims.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.bhyt.claims.intake.InnerTableWriter;
import vn.bhyt.claims.intake.Qd4210Fields;

/**
 * Test-data builder for realistic claim dossiers, the same for the same seed: {@code
 * ClaimDossiers.aVisit().seed(7).withDrugLines(5).withServiceLines(15).inpatient().build()}.
 *
 * <p>Money follows the reference formulas ({@link LineMoney}) and XML1's totals are the sums of the
 * lines. Drug lines (XML2) carry one {@code DON_GIA} as XML 130 drug lines do, with {@code
 * TYLE_TT_BH}; service and supply lines (XML3) carry {@code DON_GIA_BV}, {@code DON_GIA_BH}, {@code
 * TYLE_TT_DV} and {@code TYLE_TT_BH}. Codes are realistic: {@code MA_NHOM} 1–18, cards such as
 * {@code DN4790123456789}, 5-digit facilities, dates {@code yyyyMMddHHmm} with {@code NGAY_VAO ≤
 * NGAY_YL ≤ NGAY_TH_YL ≤ NGAY_KQ ≤ NGAY_RA}. A stay adds an {@code XML7} discharge paper that is
 * only passed on.
 *
 * <p>The built dossier is what {@link vn.bhyt.claims.intake.ClaimEnvelopeReader} gives back for it:
 * its tables as received in {@code verbatim} (unless {@link #withoutVerbatim()}), and for {@link
 * #in4210()} the 4210 tables in {@code verbatim} and their 130 names in {@code tables}.
 */
public final class ClaimDossiers {
  private long seed = 1;
  private int index = 1;
  private String facility = "79034";
  private ClaimFormat format = ClaimFormat.QD130;
  private int drugLines = 4;
  private int serviceLines = 6;
  private boolean inpatient;
  private boolean verbatim = true;
  private boolean otherSources = true;
  private Integer level;
  private Integer benefit;
  private String card;
  private String maLk;
  private final List<Edit> edits = new ArrayList<>();

  /** A field set or removed after generation. */
  private record Edit(String table, int line, String field, String value) {}

  private ClaimDossiers() {}

  /** An outpatient visit with 4 drug lines and 6 service lines. */
  public static ClaimDossiers aVisit() {
    return new ClaimDossiers();
  }

  public ClaimDossiers seed(long s) {
    seed = s;
    return this;
  }

  /** The dossier's position in its envelope, from 1. */
  public ClaimDossiers index(int i) {
    index = i;
    return this;
  }

  /** The submitting facility ({@code MACSKCB}, {@code MA_CSKCB}); 79034 unless set. */
  public ClaimDossiers facility(String code) {
    facility = code;
    return this;
  }

  public ClaimDossiers withDrugLines(int n) {
    drugLines = n;
    return this;
  }

  public ClaimDossiers withServiceLines(int n) {
    serviceLines = n;
    return this;
  }

  /** That many lines in all: two in five drug lines, the others services and supplies. */
  public ClaimDossiers withLines(int n) {
    drugLines = n * 2 / 5;
    serviceLines = n - drugLines;
    return this;
  }

  /** An inpatient stay of 1 to 9 nights rather than a same-day visit. */
  public ClaimDossiers inpatient() {
    return inpatient(true);
  }

  public ClaimDossiers inpatient(boolean stay) {
    inpatient = stay;
    return this;
  }

  /** The card's benefit level 1–5, which sets {@code MUC_HUONG} (100, 100, 95, 80, 100). */
  public ClaimDossiers withLevel(int l) {
    level = l;
    return this;
  }

  /** {@code MUC_HUONG} on every line, whatever the level. */
  public ClaimDossiers withBenefit(int percent) {
    benefit = percent;
    return this;
  }

  public ClaimDossiers withCard(String number) {
    card = number;
    return this;
  }

  public ClaimDossiers withMaLk(String key) {
    maLk = key;
    return this;
  }

  /** No {@code T_NGUONKHAC} on any line (otherwise about one line in ten has some). */
  public ClaimDossiers withoutOtherSources() {
    otherSources = false;
    return this;
  }

  /**
   * A 4210 dossier: one price per line, so no insured price below the hospital's, no ratios, and no
   * lines outside the insured lists.
   */
  public ClaimDossiers in4210() {
    format = ClaimFormat.QD4210;
    return this;
  }

  /**
   * Sets one field of one row once the dossier is generated, before its tables are written, so that
   * a test can break exactly one thing: {@code with("XML3", 2, "THANH_TIEN_BV", "1.00")}. A null
   * value removes the field. Names are the 130 names, also for {@link #in4210()}.
   */
  public ClaimDossiers with(String table, int line, String field, String value) {
    edits.add(new Edit(table, line, field, value));
    return this;
  }

  /** A dossier that did not arrive as XML, such as one built from a FHIR Claim. */
  public ClaimDossiers withoutVerbatim() {
    verbatim = false;
    return this;
  }

  public ClaimDossier build() {
    VisitDraft draft = new VisitDraft(new Random(seed), this);
    List<ClaimTable> tables = draft.tables().stream().map(this::edited).toList();
    List<ClaimTable> written =
        format == ClaimFormat.QD4210 ? tables.stream().map(Qd4210Tables::of).toList() : tables;
    List<VerbatimTable> files = new ArrayList<>();
    written.forEach(t -> files.add(InnerTableWriter.encode(t)));
    files.addAll(draft.passedOn());
    List<ClaimTable> read =
        format == ClaimFormat.QD4210
            ? written.stream().map(Qd4210Fields::normalise).toList()
            : tables;
    return new ClaimDossier(format, facility, index, read, verbatim ? files : List.of());
  }

  private ClaimTable edited(ClaimTable table) {
    List<ClaimRow> rows = new ArrayList<>();
    for (ClaimRow row : table.rows()) {
      Map<String, String> fields = new LinkedHashMap<>(row.fields());
      for (Edit e : edits) {
        if (e.table().equals(table.name()) && e.line() == row.line()) {
          if (e.value() == null) {
            fields.remove(e.field());
          } else {
            fields.put(e.field(), e.value());
          }
        }
      }
      rows.add(new ClaimRow(row.line(), fields));
    }
    return new ClaimTable(table.name(), rows);
  }

  int drugLines() {
    return drugLines;
  }

  int serviceLines() {
    return serviceLines;
  }

  boolean isStay() {
    return inpatient;
  }

  boolean otherSources() {
    return otherSources;
  }

  boolean only4210Shapes() {
    return format == ClaimFormat.QD4210;
  }

  String facility() {
    return facility;
  }

  Integer level() {
    return level;
  }

  Integer benefit() {
    return benefit;
  }

  String card() {
    return card;
  }

  String maLk() {
    return maLk;
  }
}
