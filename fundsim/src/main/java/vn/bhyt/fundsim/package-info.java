/**
 * The simulated fund: a real HTTP server (the JDK's {@code com.sun.net.httpserver}) that speaks
 * Vietnam Social Security's API as the reference fixes it (login, both card checks, claim
 * submission, the look-up and assessment results), answers from its own registry file, keeps its
 * transactions in memory or in a state file, and injects faults on request. Not pure: it does
 * network and file I/O.
 */
@NullMarked
package vn.bhyt.fundsim;

import org.jspecify.annotations.NullMarked;
