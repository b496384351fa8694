/** The persistence kit: pooled MariaDB connections, schema migrations, a throwaway server. */
package vn.bhyt.persistence;
