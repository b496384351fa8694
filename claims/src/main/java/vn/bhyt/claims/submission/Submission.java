package vn.bhyt.claims.submission;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who sent an envelope, in which request, and whether as a correction.
 *
 * @param receivedBy the name of the token that sent it
 * @param requestId the HTTP request's id
 * @param correction the reason for correcting claims already forwarded, or null for none
 */
public record Submission(String receivedBy, String requestId, @Nullable String correction) {
  public Submission {
    Objects.requireNonNull(receivedBy, "receivedBy");
    Objects.requireNonNull(requestId, "requestId");
  }
}
