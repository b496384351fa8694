/**
 * What tests, benchmarks and the demo need and production never does: throwaway MariaDB servers
 * started on free ports and removed afterwards.
 */
package vn.bhyt.testing;
