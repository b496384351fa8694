package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Compares the summary's totals with the sums of the lines: {@code T_TONGCHI_BV} = Σ {@code
 * THANH_TIEN_BV}, {@code T_TONGCHI_BH} = Σ {@code THANH_TIEN_BH}, {@code T_BNTT}, {@code T_BNCCT},
 * {@code T_BHTT}, {@code T_NGUONKHAC} = Σ of the same field, and {@code T_THUOC}, {@code T_VTYT} =
 * Σ {@code THANH_TIEN_BV} of the lines whose group counts towards them ({@code claim-groups.csv}).
 * The tolerance is 1 VND per line summed. An absent {@code T_THUOC}, {@code T_VTYT} or {@code
 * T_NGUONKHAC} counts as 0.
 */
final class SummaryTotalsRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "money.totals",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "The XML1 totals equal the sums of the lines (1 VND per line).");

  private static final List<String> OPTIONAL = List.of("T_THUOC", "T_VTYT", "T_NGUONKHAC");

  private final ClaimReference reference;

  SummaryTotalsRule(ClaimReference reference) {
    this.reference = reference;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    if (claim.summary().isEmpty()) {
      return;
    }
    List<Line> all = claim.lines();
    compare(claim, "T_TONGCHI_BV", FindingCode.MONEY_TOTAL_BV, all, "THANH_TIEN_BV", out);
    compare(claim, "T_TONGCHI_BH", FindingCode.MONEY_TOTAL_BH, all, "THANH_TIEN_BH", out);
    compare(claim, "T_BNTT", FindingCode.MONEY_TOTAL_BNTT, all, "T_BNTT", out);
    compare(claim, "T_BNCCT", FindingCode.MONEY_TOTAL_BNCCT, all, "T_BNCCT", out);
    compare(claim, "T_BHTT", FindingCode.MONEY_TOTAL_BHTT, all, "T_BHTT", out);
    compare(claim, "T_NGUONKHAC", FindingCode.MONEY_TOTAL_NGUONKHAC, all, "T_NGUONKHAC", out);
    compare(claim, "T_THUOC", FindingCode.MONEY_TOTAL_THUOC, countedIn("T_THUOC", all), out);
    compare(claim, "T_VTYT", FindingCode.MONEY_TOTAL_VTYT, countedIn("T_VTYT", all), out);
  }

  private List<Line> countedIn(String total, List<Line> lines) {
    return lines.stream()
        .filter(
            l -> reference.group(l.group()).map(g -> total.equals(g.summaryTotal())).orElse(false))
        .toList();
  }

  private static void compare(
      ClaimFacts claim, String total, FindingCode code, List<Line> lines, Findings out) {
    compare(claim, total, code, lines, "THANH_TIEN_BV", out);
  }

  private static void compare(
      ClaimFacts claim,
      String total,
      FindingCode code,
      List<Line> lines,
      String lineField,
      Findings out) {
    String text = claim.text(total);
    BigDecimal claimed =
        text == null && OPTIONAL.contains(total) ? BigDecimal.ZERO : claim.decimal(total);
    if (claimed == null) {
      return;
    }
    BigDecimal sum = sum(lines, l -> l.decimal(lineField));
    if (!LineMoney.matches(claimed, sum, LineMoney.tolerance(lines.size()))) {
      out.add(
          code,
          claim.at(total),
          sum,
          text == null ? null : claimed,
          total
              + " is "
              + (text == null ? "absent" : claimed.toPlainString())
              + " but the "
              + lines.size()
              + " line(s) it sums give "
              + sum.toPlainString()
              + " in "
              + lineField
              + ".");
    }
  }

  private static BigDecimal sum(List<Line> lines, Function<Line, @Nullable BigDecimal> amount) {
    return LineMoney.round(
        lines.stream().map(amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
