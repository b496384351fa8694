/** Bearer tokens and roles: tokens are random, only their SHA-256 hashes are stored. */
package vn.bhyt.auth;
