package vn.bhyt.claims.store;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.AssessmentStatus;

/**
 * Which claims a list shows; null fields do not filter.
 *
 * @param status the current version's status
 * @param from the first visit day ({@code NGAY_VAO}), inclusive
 * @param to the last visit day ({@code NGAY_VAO}), inclusive
 * @param department one {@code MA_KHOA} code: claims whose {@code MA_KHOA} is it or lists it
 * @param rule a rule id: claims whose current version has a finding of that rule
 */
public record ClaimFilter(
    @Nullable AssessmentStatus status,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String department,
    @Nullable String rule) {

  /** No filter: every claim. */
  public static ClaimFilter all() {
    return new ClaimFilter(null, null, null, null, null);
  }
}
