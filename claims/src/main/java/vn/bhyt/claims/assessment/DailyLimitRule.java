package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that no service is claimed more often on one day ({@code NGAY_YL}) than its limit ({@link
 * DailyLimits}: by code, else by group; one consultation, {@code MA_NHOM} 13, of a code a day). The
 * quantities ({@code SO_LUONG}) of the same code on the same day add up; each line that takes the
 * sum over the limit is reported.
 */
final class DailyLimitRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "duplicates.daily-limit",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.WARNING,
          "No service is claimed more often on one day than its limit.");

  private final DailyLimits limits;

  DailyLimitRule(DailyLimits limits) {
    this.limits = limits;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    Map<List<Object>, BigDecimal> used = new HashMap<>();
    for (Line line : claim.lines()) {
      String code = line.code();
      LocalDate day = line.serviceDay();
      BigDecimal quantity = line.decimal("SO_LUONG");
      if (code == null || day == null || quantity == null) {
        continue;
      }
      Optional<BigDecimal> limit = limits.limit(code, line.group());
      if (limit.isEmpty()) {
        continue;
      }
      BigDecimal total = used.merge(List.of(line.table(), code, day), quantity, BigDecimal::add);
      if (total.compareTo(limit.get()) > 0) {
        out.add(
            FindingCode.DAILY_LIMIT_EXCEEDED,
            line.at(line.codeField()),
            "at most " + limit.get().toPlainString() + " a day",
            total,
            line.codeField()
                + " is claimed "
                + total.toPlainString()
                + " times on "
                + day
                + "; its limit is "
                + limit.get().toPlainString()
                + " a day.");
      }
    }
  }
}
