/** Card decoding: QR payload text and images. Pure: no I/O, no logging. */
package vn.bhyt.verifier.card;
