/**
 * Card rules: number checks, identity match, validity on the visit date, registry status, route and
 * coverage. Pure: values in, a {@link vn.bhyt.verifier.rules.Verdict} out; no I/O, no logging.
 */
@NullMarked
package vn.bhyt.verifier.rules;

import org.jspecify.annotations.NullMarked;
