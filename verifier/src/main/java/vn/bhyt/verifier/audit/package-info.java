/**
 * The audit trail of card checks: who checked which card (as a keyed hash), when, and the answer.
 * Records are written in batches off the request path.
 */
@NullMarked
package vn.bhyt.verifier.audit;

import org.jspecify.annotations.NullMarked;
