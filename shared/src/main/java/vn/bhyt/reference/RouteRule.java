package vn.bhyt.reference;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.VisitKind;

/**
 * How a self-referred visit of one kind is paid at one facility level, from a date on.
 *
 * @param selfReferredIsRightRoute whether a self-referred visit counts as right route there
 * @param selfReferredPercent the percentage of the card level paid for a self-referred visit
 * @param rightRoutePercent the fund share on the right route whatever the card level, or null for
 *     the card level's own share
 */
public record RouteRule(
    LocalDate from,
    FacilityLevel facilityLevel,
    VisitKind visitKind,
    boolean selfReferredIsRightRoute,
    int selfReferredPercent,
    @Nullable Integer rightRoutePercent,
    @Nullable String confidence) {}
