package vn.bhyt.verifier.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.reference.BenefitLevel;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.reference.RouteRule;
import vn.bhyt.verifier.rules.Coverage.Explanation;

/**
 * The share of in-scope costs the fund pays for a visit: the card level's share, adjusted by the
 * route rules in force on the visit date at this facility's level.
 */
final class CoverageRule {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private final ReferenceData reference;

  CoverageRule(ReferenceData reference) {
    this.reference = reference;
  }

  Coverage compute(CardFacts card, Visit visit, Facility facility) {
    List<Explanation> why = new ArrayList<>();
    BenefitLevel level = level(card, why);
    VisitKind ruleKind =
        visit.kind() == VisitKind.INPATIENT ? VisitKind.INPATIENT : VisitKind.OUTPATIENT;
    Optional<RouteRule> rule = reference.routeRule(visit.date(), facility.level(), ruleKind);
    Route route = route(card, visit, facility, rule, why);
    BigDecimal percent = BigDecimal.valueOf(level.fundPercent());
    Integer full = rule.isPresent() ? rule.get().rightRoutePercent() : null;
    if (route == Route.WRONG) {
      int share = rule.map(RouteRule::selfReferredPercent).orElse(0);
      percent = percent.multiply(BigDecimal.valueOf(share)).divide(HUNDRED);
      why.add(
          Explanation.of("SELF_REFERRED_SHARE", share, facility.level().code(), ruleKind.code()));
    } else if (full != null) {
      percent = BigDecimal.valueOf(full);
      why.add(Explanation.of("FACILITY_LEVEL_FULL", facility.level().code(), percent));
    } else if (level.fundPercent() < 100) {
      extras(card, visit, why);
    }
    BigDecimal plain = percent.stripTrailingZeros();
    return new Coverage(plain.scale() < 0 ? plain.setScale(0) : plain, route, why);
  }

  private BenefitLevel level(CardFacts card, List<Explanation> why) {
    Integer digit = card.benefitLevel();
    Optional<BenefitLevel> level = digit == null ? Optional.empty() : reference.level(digit);
    if (level.isEmpty()) {
      int usual = reference.group(card.group()).map(g -> g.usualLevel()).orElse(4);
      why.add(Explanation.of("LEVEL_FROM_GROUP", card.group() == null ? "-" : card.group(), usual));
      level = reference.level(usual);
    }
    BenefitLevel l = level.orElseThrow();
    why.add(Explanation.of("LEVEL", l.level(), l.fundPercent()));
    return l;
  }

  private static Route route(
      CardFacts card,
      Visit visit,
      Facility facility,
      Optional<RouteRule> rule,
      List<Explanation> why) {
    if (visit.kind() == VisitKind.EMERGENCY) {
      why.add(Explanation.of("ROUTE_EMERGENCY"));
      return Route.EMERGENCY;
    }
    if (facility.code().equals(card.registeredFacility())) {
      why.add(Explanation.of("ROUTE_REGISTERED", facility.code()));
      return Route.RIGHT;
    }
    if (visit.referral()) {
      why.add(Explanation.of("ROUTE_REFERRAL"));
      return Route.REFERRAL;
    }
    if (rule.map(RouteRule::selfReferredIsRightRoute).orElse(false)) {
      why.add(Explanation.of("ROUTE_LEVEL_IS_RIGHT", facility.level().code()));
      return Route.RIGHT;
    }
    FacilityCode registered = card.registeredFacility();
    why.add(
        registered == null
            ? Explanation.of("ROUTE_FACILITY_UNKNOWN", facility.code())
            : Explanation.of("ROUTE_SELF_REFERRED", registered));
    return Route.WRONG;
  }

  private void extras(CardFacts card, Visit visit, List<Explanation> why) {
    Optional<Long> base = reference.baseSalaryOn(visit.date());
    base.ifPresent(b -> why.add(Explanation.of("SMALL_VISIT", b * 15 / 100)));
    if (card.fiveYearsFrom() != null && !card.fiveYearsFrom().isAfter(visit.date())) {
      why.add(Explanation.of("FIVE_YEARS", card.fiveYearsFrom(), base.map(b -> b * 6).orElse(0L)));
    }
  }
}
