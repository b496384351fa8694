package vn.bhyt.auth;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Finds the principal a bearer token belongs to. */
public interface Authenticator {
  /** The token's principal, or empty when the token is unknown or revoked. */
  CompletionStage<Optional<Principal>> authenticate(String token);
}
