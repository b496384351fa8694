package vn.bhyt.verifier.check;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.verifier.rules.Evidence;

/**
 * A card check asked for: what was presented and the visit.
 *
 * @param visitDate the visit's date, or null for today at the facility
 */
public record CheckRequest(
    Evidence evidence, @Nullable LocalDate visitDate, VisitKind visitKind, boolean referral) {}
