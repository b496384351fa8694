package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;

/**
 * One cost line of a claim: a drug ({@code XML2}) or a service or supply ({@code XML3}), read as
 * numbers and dates. Readers return null for an absent or malformed value unless they name a
 * default.
 */
public record Line(String table, ClaimRow row) {
  public Line {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(row, "row");
  }

  /** The row's position in its table, from 1. */
  public int number() {
    return row.line();
  }

  public Place at(String field) {
    return new Place(table, row.line(), field);
  }

  public @Nullable String text(String field) {
    return row.text(field);
  }

  public @Nullable BigDecimal decimal(String field) {
    return Values.decimal(row.text(field));
  }

  public @Nullable LocalDateTime dateTime(String field) {
    return Values.dateTime(row.text(field));
  }

  /** {@code MA_NHOM}, or null. */
  public @Nullable Integer group() {
    String text = row.text("MA_NHOM");
    return text != null && Values.isInteger(text) && text.length() <= 4
        ? Integer.valueOf(text)
        : null;
  }

  /** The field naming what was given: {@code MA_THUOC}, {@code MA_VAT_TU} or {@code MA_DICH_VU}. */
  public String codeField() {
    if (table.equals(ClaimDossier.DRUGS)) {
      return "MA_THUOC";
    }
    return row.has("MA_VAT_TU") ? "MA_VAT_TU" : "MA_DICH_VU";
  }

  /** The drug, supply or service code, or null. */
  public @Nullable String code() {
    return row.text(codeField());
  }

  /** The field holding the hospital unit price: {@code DON_GIA_BV}, else {@code DON_GIA}. */
  public String hospitalPriceField() {
    return row.has("DON_GIA_BV") ? "DON_GIA_BV" : "DON_GIA";
  }

  /** The field holding the insured unit price: {@code DON_GIA_BH}, else {@code DON_GIA}. */
  public String insuredPriceField() {
    return row.has("DON_GIA_BH") ? "DON_GIA_BH" : "DON_GIA";
  }

  public @Nullable BigDecimal hospitalPrice() {
    return decimal(hospitalPriceField());
  }

  public @Nullable BigDecimal insuredPrice() {
    return decimal(insuredPriceField());
  }

  /** {@code TYLE_TT_DV}, 100 when the line has none. */
  public @Nullable BigDecimal serviceRatio() {
    return decimalOr("TYLE_TT_DV", LineMoney.HUNDRED);
  }

  /** {@code TYLE_TT_BH}, 100 when the line has none. */
  public @Nullable BigDecimal insuredRatio() {
    return decimalOr("TYLE_TT_BH", LineMoney.HUNDRED);
  }

  /** {@code T_NGUONKHAC}, 0 when the line has none. */
  public @Nullable BigDecimal otherSources() {
    return decimalOr("T_NGUONKHAC", BigDecimal.ZERO);
  }

  /** The day of the order ({@code NGAY_YL}), or null. */
  public @Nullable LocalDate serviceDay() {
    LocalDateTime at = dateTime("NGAY_YL");
    return at == null ? null : at.toLocalDate();
  }

  private @Nullable BigDecimal decimalOr(String field, BigDecimal absent) {
    return row.has(field) ? decimal(field) : absent;
  }
}
