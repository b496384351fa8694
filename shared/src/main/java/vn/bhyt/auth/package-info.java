/** Bearer tokens and roles: tokens are random, only their SHA-256 hashes are stored. */
@NullMarked
package vn.bhyt.auth;

import org.jspecify.annotations.NullMarked;
