/**
 * The card check's published wire format: the answer reception gets ({@link CheckAnswer}, written
 * by {@link CheckAnswerWriter} with the texts of {@link Messages}) and the reading of card-check
 * fields ({@link CheckRequests}). Services may use it; it knows nothing of HTTP.
 */
@NullMarked
package vn.bhyt.verifier.api;

import org.jspecify.annotations.NullMarked;
