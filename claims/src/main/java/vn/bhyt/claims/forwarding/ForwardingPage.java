package vn.bhyt.claims.forwarding;

import java.util.List;

/**
 * One page of the forwarding queue, the claims queued longest first.
 *
 * @param total how many claim versions the filter matches in all
 */
public record ForwardingPage(List<Forwarding> entries, int total) {
  public ForwardingPage {
    entries = List.copyOf(entries);
  }
}
