/**
 * The card registry: rows in MariaDB, a Caffeine cache in front that learns of imports by polling,
 * the CSV importer, and the port to the fund's online check. JDBC runs on executors, never on an
 * event loop.
 */
@NullMarked
package vn.bhyt.verifier.registry;

import org.jspecify.annotations.NullMarked;
