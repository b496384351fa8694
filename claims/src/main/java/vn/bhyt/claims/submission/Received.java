package vn.bhyt.claims.submission;

import java.util.Objects;

/**
 * The answer for one dossier received on its own (a FHIR Claim): its result, and whether it only
 * repeated the stored version, so that nothing was stored.
 */
public record Received(ClaimResult result, boolean unchanged) {
  public Received {
    Objects.requireNonNull(result, "result");
  }
}
