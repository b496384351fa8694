/**
 * The card check over HTTP: request bodies in ({@link CheckRequestReader}, also used by check-in),
 * localized answers out. Transport only; the answer's format is {@code verifier.api}.
 */
@NullMarked
package vn.bhyt.verifier.http;

import org.jspecify.annotations.NullMarked;
