package vn.bhyt.claims.forwarding;

import java.util.Locale;
import vn.bhyt.claims.assessment.AssessmentStatus;

/** Where a claim version stands on its way to the fund. */
public enum ForwardingState {
  /** Critical findings: never forwarded; billing corrects it with a new version. */
  BLOCKED,
  /** Warnings: waits for an inspector to release or return it. */
  HELD,
  /** An inspector sent it back to billing. */
  RETURNED,
  /** Waits for its turn to be sent. */
  PENDING,
  /** The fund took it; its transaction id is known. */
  SENT,
  /** The fund's assessment is in. */
  ASSESSED,
  /** The fund refused the file (205): final. */
  REFUSED,
  /** Failed transiently for longer than {@code forwarding.give-up-after}. */
  DEAD;

  /** The lower-case name used in JSON and in the database. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The state a code names.
   *
   * @throws IllegalArgumentException when it names none
   */
  public static ForwardingState parse(String code) {
    for (ForwardingState s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("forwarding state: '" + code + "'");
  }

  /** Where a newly stored version starts: as its pre-assessment says. */
  public static ForwardingState of(AssessmentStatus status) {
    return switch (status) {
      case ACCEPTED -> PENDING;
      case FLAGGED -> HELD;
      case REJECTED -> BLOCKED;
    };
  }
}
