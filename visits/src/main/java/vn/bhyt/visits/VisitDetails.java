package vn.bhyt.visits;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What reception adds to a card check when it opens a visit.
 *
 * @param department the department code ({@code MA_KHOA}), or null
 * @param start when the visit starts
 * @param hisPatientId the HIS patient id ({@code MA_BN}), or null
 * @param hisVisitKey the HIS visit key ({@code MA_LK}), or null
 * @param referralNumber the referral paper's number, or null
 * @param selfPayReason why the patient pays themselves when the card is invalid, or null
 */
public record VisitDetails(
    @Nullable String department,
    OffsetDateTime start,
    @Nullable String hisPatientId,
    @Nullable String hisVisitKey,
    @Nullable String referralNumber,
    boolean selfPay,
    @Nullable String selfPayReason) {}
