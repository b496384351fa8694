package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Recomputes every drug and service line by the {@link LineMoney} formulas and compares each amount
 * with the claim's, within {@link LineMoney#TOLERANCE} (1 VND) per line.
 *
 * <p>Each amount is computed from the line's own inputs to it ({@code T_BHTT} from the claimed
 * {@code THANH_TIEN_BH}, not from a recomputed one), so one wrong amount makes one finding rather
 * than a cascade. An amount whose inputs cannot be read is left to the format rule.
 */
final class LineMoneyRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "money.lines",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "Each line's amounts follow from quantity, prices, rates and benefit level (1 VND).");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    for (Line line : claim.lines()) {
      checkTotals(line, out);
      checkShares(line, out);
    }
  }

  private static void checkTotals(Line line, Findings out) {
    BigDecimal quantity = line.decimal("SO_LUONG");
    if (quantity == null) {
      return;
    }
    BigDecimal hospitalPrice = line.hospitalPrice();
    if (hospitalPrice != null) {
      compare(
          line,
          "THANH_TIEN_BV",
          FindingCode.MONEY_LINE_BV,
          LineMoney.hospital(quantity, hospitalPrice),
          "SO_LUONG × " + line.hospitalPriceField(),
          out);
    }
    BigDecimal insuredPrice = line.insuredPrice();
    BigDecimal serviceRatio = line.serviceRatio();
    BigDecimal insuredRatio = line.insuredRatio();
    if (insuredPrice != null && serviceRatio != null && insuredRatio != null) {
      compare(
          line,
          "THANH_TIEN_BH",
          FindingCode.MONEY_LINE_BH,
          LineMoney.insured(quantity, insuredPrice, serviceRatio, insuredRatio),
          "SO_LUONG × " + line.insuredPriceField() + " × TYLE_TT_DV/100 × TYLE_TT_BH/100",
          out);
    }
  }

  private static void checkShares(Line line, Findings out) {
    BigDecimal hospital = line.decimal("THANH_TIEN_BV");
    BigDecimal insured = line.decimal("THANH_TIEN_BH");
    BigDecimal other = line.otherSources();
    if (insured == null || other == null) {
      return;
    }
    if (hospital != null) {
      compare(
          line,
          "T_BNTT",
          FindingCode.MONEY_LINE_BNTT,
          LineMoney.round(hospital.subtract(insured)),
          "THANH_TIEN_BV − THANH_TIEN_BH",
          out);
    }
    BigDecimal benefit = line.decimal("MUC_HUONG");
    if (benefit != null) {
      compare(
          line,
          "T_BHTT",
          FindingCode.MONEY_LINE_BHTT,
          LineMoney.fundShare(insured, other, benefit),
          "(THANH_TIEN_BH − T_NGUONKHAC) × MUC_HUONG/100",
          out);
    }
    BigDecimal fund = line.decimal("T_BHTT");
    if (fund != null) {
      compare(
          line,
          "T_BNCCT",
          FindingCode.MONEY_LINE_BNCCT,
          LineMoney.coPayment(insured, other, fund),
          "THANH_TIEN_BH − T_NGUONKHAC − T_BHTT",
          out);
    }
  }

  private static void compare(
      Line line,
      String field,
      FindingCode code,
      BigDecimal computed,
      String formula,
      Findings out) {
    BigDecimal claimed = line.decimal(field);
    if (claimed == null || LineMoney.matches(claimed, computed, LineMoney.TOLERANCE)) {
      return;
    }
    out.add(
        code,
        line.at(field),
        computed,
        claimed,
        field
            + " is "
            + claimed.toPlainString()
            + " but "
            + formula
            + " gives "
            + computed.toPlainString()
            + ".");
  }
}
