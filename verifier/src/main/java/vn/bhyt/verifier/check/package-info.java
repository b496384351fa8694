/**
 * The card check: finds the card in the registry (or asks the fund), judges it with the rules and
 * records the check for audit. Asynchronous; no JDBC and no Netty here.
 */
@NullMarked
package vn.bhyt.verifier.check;

import org.jspecify.annotations.NullMarked;
