/**
 * What tests, benchmarks and the demo need and production never does: throwaway MariaDB servers
 * started on free ports and removed afterwards.
 */
@NullMarked
package vn.bhyt.testing;

import org.jspecify.annotations.NullMarked;
