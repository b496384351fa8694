/**
 * The HTTP kernel: a Netty server, routing, bearer-token roles, JSON, a body limit, problem
 * documents, request ids, an access log without patient data, and per-route metrics.
 */
@NullMarked
package vn.bhyt.http;

import org.jspecify.annotations.NullMarked;
