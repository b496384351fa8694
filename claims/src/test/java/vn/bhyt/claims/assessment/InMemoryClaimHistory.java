package vn.bhyt.claims.assessment;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Past claims held in a list, for tests. */
final class InMemoryClaimHistory implements ClaimHistory {
  private final List<PastClaim> claims = new ArrayList<>();

  InMemoryClaimHistory add(PastClaim claim) {
    claims.add(claim);
    return this;
  }

  @Override
  public List<PastClaim> byVisitKey(String maLk) {
    return claims.stream().filter(c -> c.maLk().equals(maLk)).toList();
  }

  @Override
  public List<PastClaim> onCard(String cardNumber, LocalDateTime from, LocalDateTime to) {
    return claims.stream()
        .filter(c -> cardNumber.equals(c.cardNumber()))
        .filter(c -> c.admitted() != null && !c.admitted().isAfter(to))
        .filter(c -> c.discharged() == null || !c.discharged().isBefore(from))
        .toList();
  }
}
