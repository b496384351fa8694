/**
 * Forwarding claims to the fund exactly once: the outbox every stored claim version enters, and
 * where each stands on its way to the fund.
 */
@NullMarked
package vn.bhyt.claims.forwarding;

import org.jspecify.annotations.NullMarked;
