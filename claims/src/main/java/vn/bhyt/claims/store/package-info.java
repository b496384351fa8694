/**
 * The claims received, in MariaDB (migration {@code V5__claims.sql}): one {@code claim} per
 * facility and {@code MA_LK}, kept one by a unique key, with every version as received (tables
 * verbatim, for forwarding), its findings and recomputed totals; the claim history the assessment
 * consults; the queries behind the claims API. JDBC, run on worker threads, never on an event loop.
 */
@NullMarked
package vn.bhyt.claims.store;

import org.jspecify.annotations.NullMarked;
