/**
 * The fund's online card check as the gateway asks it (reference section 7): login with the
 * password's MD5 and a cached token, the 2019 and 2024 checks, timeouts, and a circuit breaker so
 * that a dead or very slow fund costs reception nothing.
 */
@NullMarked
package vn.bhyt.verifier.fund;

import org.jspecify.annotations.NullMarked;
