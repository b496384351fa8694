package vn.bhyt.claims.store;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.forwarding.ForwardingState;

/**
 * Which claims a list shows; null fields do not filter.
 *
 * @param status the current version's status
 * @param from the first visit day ({@code NGAY_VAO}), inclusive
 * @param to the last visit day ({@code NGAY_VAO}), inclusive
 * @param department one {@code MA_KHOA} code: claims whose {@code MA_KHOA} is it or lists it
 * @param rule a rule id: claims whose current version has a finding of that rule
 * @param forwarding the current version's forwarding state
 * @param fundResult the fund's assessment of the current version: {@code accepted}, {@code
 *     partly-accepted} or {@code rejected}
 */
public record ClaimFilter(
    @Nullable AssessmentStatus status,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String department,
    @Nullable String rule,
    @Nullable ForwardingState forwarding,
    @Nullable String fundResult) {

  /** No filter: every claim. */
  public static ClaimFilter all() {
    return new ClaimFilter(null, null, null, null, null, null, null);
  }
}
