/**
 * Check-in and discharge over HTTP: the visit's fields in, the opened visit out. Transport only.
 */
package vn.bhyt.visits.http;
