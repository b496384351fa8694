package vn.bhyt.verifier.rules;

/**
 * The clerk making a check, for the fund's 2024 check ({@code hoTenCb}, {@code cccdCb}).
 *
 * @param citizenId the clerk's 12-digit citizen ID
 */
public record Clerk(String name, String citizenId) {
  public Clerk {
    if (!citizenId.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("clerk's citizen ID: expected 12 digits");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("clerk's name: empty");
    }
  }

  /** The clerk's citizen ID stays out of logs. */
  @Override
  public String toString() {
    return "Clerk[]";
  }
}
