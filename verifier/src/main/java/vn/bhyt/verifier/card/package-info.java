/** Card decoding: QR payload text and images. Pure: no I/O, no logging. */
@NullMarked
package vn.bhyt.verifier.card;

import org.jspecify.annotations.NullMarked;
