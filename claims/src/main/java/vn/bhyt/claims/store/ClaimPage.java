package vn.bhyt.claims.store;

import java.util.List;

/**
 * One page of a claim list, newest claims first.
 *
 * @param total how many claims the filter matches in all
 */
public record ClaimPage(List<ClaimSummary> claims, int total) {
  public ClaimPage {
    claims = List.copyOf(claims);
  }
}
