/** Problems: requests the gateway cannot answer, each with a stable code (RFC 9457). Pure. */
package vn.bhyt.problem;
