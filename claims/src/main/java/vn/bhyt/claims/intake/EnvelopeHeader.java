package vn.bhyt.claims.intake;

import java.util.Objects;

/**
 * The envelope's own fields: who sent it, when, and how many dossiers it announces.
 *
 * @param facilityCode the submitting facility ({@code THONGTINDONVI/MACSKCB})
 * @param createdOn the envelope's date ({@code NGAYLAP}, {@code yyyyMMdd}) as written; empty when
 *     absent
 * @param declaredCount the number of dossiers it announces ({@code SOLUONGHOSO}); -1 when absent or
 *     not a number. Read envelopes are not checked against it: that is the caller's to judge.
 */
public record EnvelopeHeader(String facilityCode, String createdOn, int declaredCount) {

  public EnvelopeHeader {
    Objects.requireNonNull(facilityCode, "facilityCode");
    Objects.requireNonNull(createdOn, "createdOn");
    if (declaredCount < -1) {
      throw new IllegalArgumentException("declaredCount: " + declaredCount + " (expected: >= -1)");
    }
  }
}
