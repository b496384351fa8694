/**
 * The claims API over HTTP: {@code POST /api/v1/claims} hands an XML 130 or 4210 envelope to the
 * intake, {@code GET /api/v1/claims}, {@code GET /api/v1/claims/{id}} and {@code GET /api/v1/rules}
 * show what was received and the rules it was held to. Transport only.
 */
@NullMarked
package vn.bhyt.claims.http;

import org.jspecify.annotations.NullMarked;
