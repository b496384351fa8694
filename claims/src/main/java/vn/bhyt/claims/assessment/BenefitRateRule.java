package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.CardFacts;
import vn.bhyt.verifier.rules.CardRules;
import vn.bhyt.verifier.rules.Coverage;
import vn.bhyt.verifier.rules.Route;
import vn.bhyt.verifier.rules.Visit;

/**
 * Checks each line's {@code MUC_HUONG} against the share the card check computes for the visit
 * ({@link CardRules#coverage}: the card level's share adjusted by the route rules of the facility's
 * level on the visit date), then:
 *
 * <ul>
 *   <li>small visit: when the claim's insured total (Σ {@code THANH_TIEN_BH}) is under 15% of the
 *       base salary on the visit date, 100% on the right route for levels paid under 100%;
 *   <li>five years: from {@code NGAY_MIEN_CCT} (co-payment exemption) on, 100% on the right route;
 *       with only {@code NAM_NAM_LIEN_TUC} reached, the exemption may start during the visit, so
 *       either the level's share or 100% is accepted.
 * </ul>
 *
 * <p>The route comes from {@code MA_DOITUONG_KCB}, else {@code MA_LYDO_VVIEN} (or a route digit in
 * {@code LY_DO_VV}), through {@code visit-routes.csv}; the level from the registry for the card
 * valid on the line's date, else from an old-model card number. Lines of groups outside the list
 * are left to {@link OutOfListRule}. When level or route is unknown, an information finding says
 * the rate was not checked.
 */
final class BenefitRateRule implements Rule {
  private static final RuleInfo INFO =
      new RuleInfo(
          "card.benefit-rate",
          1,
          LocalDate.of(2018, 1, 1),
          null,
          Severity.WARNING,
          "Each line's MUC_HUONG is the card level's share adjusted by route, small-visit and"
              + " five-year rules.");

  private static final BigDecimal SMALL_VISIT_SHARE = new BigDecimal("0.15");

  private final ReferenceData reference;
  private final ClaimReference claims;

  BenefitRateRule(ReferenceData reference, ClaimReference claims) {
    this.reference = reference;
    this.claims = claims;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ClaimFacts claim, AssessmentContext context, Findings out) {
    List<ClaimCard> cards = ClaimCard.of(claim);
    if (claim.summary().isEmpty() || claim.lines().isEmpty() || cards.isEmpty()) {
      return;
    }
    Optional<VisitRoute> route = route(claim);
    Optional<ClaimReference.VisitType> type =
        Optional.ofNullable(claim.text("MA_LOAI_KCB"))
            .flatMap(t -> claims.visitType(t, claim.visitDay()));
    if (route.isEmpty() || type.isEmpty()) {
      notChecked(claim, "the route (MA_DOITUONG_KCB) or the kind of visit is unknown", out);
      return;
    }
    if (route.get() == VisitRoute.NONE) {
      return;
    }
    Setting setting =
        new Setting(
            cards,
            route.get(),
            new Visit(claim.visitDay(), kind(route.get(), type.get()), isRight(route.get())),
            reductions(claim),
            new CardRules(reference, context.facility()));
    boolean unknownLevel = false;
    for (Line line : claim.lines()) {
      BigDecimal claimed = line.decimal("MUC_HUONG");
      if (claimed != null && !outOfList(line)) {
        unknownLevel |= !checkLine(line, claimed, claim, setting, context, out);
      }
    }
    if (unknownLevel) {
      notChecked(claim, "the benefit level of a card is unknown to the registry", out);
    }
  }

  /** Checks one line; false when its card's level is unknown. */
  private static boolean checkLine(
      Line line,
      BigDecimal claimed,
      ClaimFacts claim,
      Setting setting,
      AssessmentContext context,
      Findings out) {
    LocalDate day = line.serviceDay() != null ? line.serviceDay() : claim.visitDay();
    ClaimCard card = ClaimCard.on(setting.cards(), day).orElseThrow();
    Integer level = card.level(day, context.cards());
    if (level == null) {
      return false;
    }
    CardFacts facts = facts(card, level, registered(card, setting.route(), context));
    Coverage coverage = setting.rules().coverage(facts, setting.visit());
    List<BigDecimal> allowed = setting.reductions().allowed(coverage, day);
    if (allowed.stream().noneMatch(a -> a.compareTo(claimed) == 0)) {
      mismatch(line, claimed, allowed, level, coverage.route(), out);
    }
    return true;
  }

  private Optional<VisitRoute> route(ClaimFacts claim) {
    LocalDate day = claim.visitDay();
    String reason = claim.text("MA_LYDO_VVIEN");
    if (reason == null
        && claim.text("LY_DO_VV") != null
        && claim.text("LY_DO_VV").matches("[1-4]")) {
      reason = claim.text("LY_DO_VV");
    }
    String legacy = reason;
    return claims
        .route("MA_DOITUONG_KCB", claim.text("MA_DOITUONG_KCB"), day)
        .or(() -> claims.route("MA_LYDO_VVIEN", legacy, day));
  }

  private static VisitKind kind(VisitRoute route, ClaimReference.VisitType type) {
    if (route == VisitRoute.EMERGENCY) {
      return VisitKind.EMERGENCY;
    }
    return type.stay() == Stay.INPATIENT ? VisitKind.INPATIENT : VisitKind.OUTPATIENT;
  }

  private static boolean isRight(VisitRoute route) {
    return route == VisitRoute.RIGHT;
  }

  private boolean outOfList(Line line) {
    return claims.group(line.group()).map(g -> !g.inList()).orElse(false);
  }

  private static @Nullable FacilityCode registered(
      ClaimCard card, VisitRoute route, AssessmentContext context) {
    if (route == VisitRoute.REGISTERED) {
      return context.facility().code();
    }
    String text = card.registered();
    if (text == null || !text.matches("[0-9]{2}[0-9A-Z]{3}")) {
      return null;
    }
    return new FacilityCode(text);
  }

  private static CardFacts facts(ClaimCard card, int level, @Nullable FacilityCode registered) {
    CardNumber number = CardNumber.of(card.number());
    return new CardFacts(
        number,
        null,
        number.group(),
        level,
        null,
        null,
        null,
        null,
        null,
        registered,
        card.from(),
        card.to(),
        null,
        null,
        null,
        null,
        null);
  }

  private Reductions reductions(ClaimFacts claim) {
    BigDecimal insured = claim.sum(l -> l.decimal("THANH_TIEN_BH"));
    boolean small =
        reference
            .baseSalaryOn(claim.visitDay())
            .map(b -> insured.compareTo(SMALL_VISIT_SHARE.multiply(BigDecimal.valueOf(b))) < 0)
            .orElse(false);
    LocalDate fiveYears = claim.date("NAM_NAM_LIEN_TUC");
    return new Reductions(
        small,
        claim.date("NGAY_MIEN_CCT"),
        fiveYears != null && !fiveYears.isAfter(claim.visitDay()));
  }

  private static void mismatch(
      Line line,
      BigDecimal claimed,
      List<BigDecimal> allowed,
      int level,
      Route route,
      Findings out) {
    String expected =
        allowed.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(" or "));
    out.add(
        FindingCode.BENEFIT_RATE_MISMATCH,
        line.at("MUC_HUONG"),
        expected,
        claimed,
        "MUC_HUONG is "
            + claimed.toPlainString()
            + " but card level "
            + level
            + " on the "
            + route.code()
            + " route gives "
            + expected
            + " for this visit.");
  }

  private static void notChecked(ClaimFacts claim, String why, Findings out) {
    out.add(
        FindingCode.BENEFIT_RATE_NOT_CHECKED,
        Severity.INFO,
        claim.at("MA_DOITUONG_KCB"),
        null,
        null,
        "MUC_HUONG was not checked: " + why + ".");
  }

  /** What every line of the claim is checked against. */
  private record Setting(
      List<ClaimCard> cards,
      VisitRoute route,
      Visit visit,
      Reductions reductions,
      CardRules rules) {}

  /** What lifts a right-route share to 100%: a small visit, the co-payment exemption. */
  private record Reductions(boolean smallVisit, @Nullable LocalDate exemptFrom, boolean fiveYears) {

    List<BigDecimal> allowed(Coverage coverage, LocalDate day) {
      BigDecimal share = coverage.percent();
      if (coverage.route() == Route.WRONG || share.compareTo(LineMoney.HUNDRED) >= 0) {
        return List.of(share);
      }
      if (smallVisit || (exemptFrom != null && !day.isBefore(exemptFrom))) {
        return List.of(LineMoney.HUNDRED);
      }
      return fiveYears ? List.of(share, LineMoney.HUNDRED) : List.of(share);
    }
  }
}
