package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks that no line's insured unit price ({@code DON_GIA_BH}, else {@code DON_GIA}) is above the
 * price catalogue's for its code on its date ({@code NGAY_YL}, else the visit date). Codes the
 * catalogue does not list make no finding.
 */
final class CataloguePriceRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "prices.catalogue",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.CRITICAL,
          "No insured unit price is above the catalogue price of its code on its date.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    for (Line line : claim.lines()) {
      String code = line.code();
      BigDecimal price = line.insuredPrice();
      if (code == null || price == null) {
        continue;
      }
      LocalDate day = line.serviceDay() != null ? line.serviceDay() : claim.visitDay();
      Optional<BigDecimal> listed = context.prices().price(code, day);
      if (listed.isPresent() && price.compareTo(listed.get()) > 0) {
        String field = line.insuredPriceField();
        out.add(
            FindingCode.PRICE_ABOVE_CATALOGUE,
            line.at(field),
            "at most " + listed.get().toPlainString(),
            price,
            field
                + " "
                + price.toPlainString()
                + " is above the catalogue price "
                + listed.get().toPlainString()
                + " of "
                + line.codeField()
                + " on "
                + day
                + ".");
      }
    }
  }
}
