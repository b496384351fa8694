/** Problems: requests the gateway cannot answer, each with a stable code (RFC 9457). Pure. */
@NullMarked
package vn.bhyt.problem;

import org.jspecify.annotations.NullMarked;
