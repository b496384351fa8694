/**
 * Check-in and discharge over HTTP: the visit's fields in, the opened visit out. Transport only.
 */
@NullMarked
package vn.bhyt.visits.http;

import org.jspecify.annotations.NullMarked;
