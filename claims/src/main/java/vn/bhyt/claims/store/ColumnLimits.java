package vn.bhyt.claims.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.ClaimFacts;
import vn.bhyt.claims.assessment.Line;
import vn.bhyt.claims.assessment.Totals;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.VerbatimTable;

/**
 * A claim version checked against what the store's columns hold ({@link StoredColumn}) before it is
 * written: the keys, the tables as received (how many, their types and contents) and the recomputed
 * totals. What the store only indexes or records of its own (the visit's department and dates, who
 * sent it, findings' texts) is cut or left out where it is derived instead.
 */
public final class ColumnLimits {

  /**
   * A value of a version that its column cannot hold. Details name the dossier's table, line and
   * field and the column's limit, never the value.
   *
   * @param reason {@code VALUE_TOO_LONG}, {@code TOO_MANY_TABLES} or {@code AMOUNT_TOO_LARGE}
   * @param table the table at fault ({@code XML3}), when one is and its type can be stored
   * @param line the line at fault, from 1, when one is
   * @param field the field or envelope element at fault ({@code T_BHTT}, {@code LOAIHOSO})
   * @param detail what does not fit, and where
   */
  public record Misfit(
      String reason, @Nullable String table, @Nullable Integer line, String field, String detail) {}

  private record Total(StoredColumn column, String field, Function<Totals, BigDecimal> value) {}

  private static final List<Total> TOTALS =
      List.of(
          new Total(StoredColumn.VERSION_TOTAL_HOSPITAL, "THANH_TIEN_BV", Totals::hospital),
          new Total(StoredColumn.VERSION_TOTAL_INSURED, "THANH_TIEN_BH", Totals::insured),
          new Total(StoredColumn.VERSION_TOTAL_FUND_SHARE, "T_BHTT", Totals::fundShare),
          new Total(StoredColumn.VERSION_TOTAL_CO_PAYMENT, "T_BNCCT", Totals::coPayment),
          new Total(StoredColumn.VERSION_TOTAL_PATIENT_PAID, "T_BNTT", Totals::patientPaid),
          new Total(StoredColumn.VERSION_TOTAL_OTHER_SOURCES, "T_NGUONKHAC", Totals::otherSources));

  private ColumnLimits() {}

  /** The first value of the version its column cannot hold, if there is one. */
  public static Optional<Misfit> misfit(NewVersion v) {
    ClaimDossier dossier = v.dossier();
    if (!StoredColumn.CLAIM_FACILITY.type().holds(dossier.facilityCode())) {
      return tooLong(null, null, "MACSKCB", StoredColumn.CLAIM_FACILITY, "MACSKCB");
    }
    if (!StoredColumn.CLAIM_MA_LK.type().holds(v.maLk())) {
      return tooLong(ClaimDossier.SUMMARY, 1, "MA_LK", StoredColumn.CLAIM_MA_LK, "MA_LK");
    }
    String correction = v.correction();
    if (correction != null && !StoredColumn.VERSION_CORRECTION.type().holds(correction)) {
      return tooLong(null, null, "correction", StoredColumn.VERSION_CORRECTION, "the correction");
    }
    Optional<Misfit> tables = tables(dossier.verbatim());
    return tables.isPresent() ? tables : totals(v);
  }

  private static Optional<Misfit> tables(List<VerbatimTable> files) {
    ColumnType position = StoredColumn.TABLE_POSITION.type();
    if (!position.holds(files.size())) {
      return Optional.of(
          new Misfit(
              "TOO_MANY_TABLES",
              null,
              null,
              "FILEHOSO",
              "the dossier has more FILEHOSO than the claim store keeps ("
                  + position.maxValue()
                  + ")"));
    }
    for (int i = 0; i < files.size(); i++) {
      VerbatimTable file = files.get(i);
      if (!StoredColumn.TABLE_NAME.type().holds(file.name())) {
        return tooLong(
            null, null, "LOAIHOSO", StoredColumn.TABLE_NAME, "FILEHOSO " + (i + 1) + ": LOAIHOSO");
      }
      if (!StoredColumn.TABLE_CONTENT.type().holds(file.base64())) {
        return Optional.of(
            new Misfit(
                "VALUE_TOO_LONG",
                file.name(),
                null,
                "NOIDUNGFILE",
                "FILEHOSO " + (i + 1) + ": NOIDUNGFILE is not base64 the claim store can keep"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Misfit> totals(NewVersion v) {
    Totals totals = v.assessment().totals();
    for (Total total : TOTALS) {
      ColumnType type = total.column().type();
      if (!type.holds(total.value().apply(totals))) {
        return Optional.of(tooLarge(v.dossier(), total.field(), type));
      }
    }
    return Optional.empty();
  }

  /** The misfit of a total too large: at the line whose amount first takes its sum beyond it. */
  private static Misfit tooLarge(ClaimDossier dossier, String field, ColumnType type) {
    String limit =
        (type.size() - type.scale()) + " digits before the point and " + type.scale() + " after";
    BigDecimal sum = BigDecimal.ZERO;
    for (Line line : ClaimFacts.of(dossier, LocalDate.EPOCH).lines()) {
      BigDecimal amount = line.decimal(field);
      if (amount == null) {
        continue;
      }
      sum = sum.add(amount);
      if (!type.holds(sum.setScale(type.scale(), java.math.RoundingMode.HALF_UP))) {
        return new Misfit(
            "AMOUNT_TOO_LARGE",
            line.table(),
            line.number(),
            field,
            "table "
                + line.table()
                + ", line "
                + line.number()
                + ": "
                + field
                + " takes the claim's total beyond what the claim store keeps ("
                + limit
                + ")");
      }
    }
    return new Misfit(
        "AMOUNT_TOO_LARGE",
        null,
        null,
        field,
        "the claim's total of " + field + " is more than the claim store keeps (" + limit + ")");
  }

  private static Optional<Misfit> tooLong(
      @Nullable String table,
      @Nullable Integer line,
      String field,
      StoredColumn column,
      String what) {
    return Optional.of(
        new Misfit(
            "VALUE_TOO_LONG",
            table,
            line,
            field,
            what
                + " is longer than the claim store keeps ("
                + column.type().maxChars()
                + " characters)"));
  }
}
