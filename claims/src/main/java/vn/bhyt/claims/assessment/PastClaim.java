package vn.bhyt.claims.assessment;

import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A claim received before, as the history keeps it.
 *
 * @param facility the facility that submitted it ({@code MA_CSKCB})
 * @param discharged {@code NGAY_RA}, or null when unknown
 * @param inpatient whether it was a stay ({@code MA_LOAI_KCB} of an inpatient kind)
 */
public record PastClaim(
    String facility,
    String maLk,
    @Nullable String cardNumber,
    @Nullable LocalDateTime admitted,
    @Nullable LocalDateTime discharged,
    boolean inpatient) {
  public PastClaim {
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(maLk, "maLk");
  }
}
