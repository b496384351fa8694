/** The persistence kit: pooled MariaDB connections, schema migrations, a throwaway server. */
@NullMarked
package vn.bhyt.persistence;

import org.jspecify.annotations.NullMarked;
