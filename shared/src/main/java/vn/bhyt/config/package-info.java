/**
 * The gateway's configuration: an immutable record tree read once from {@code config/gateway.conf}
 * and environment overrides. The loader is pure: it takes the file's text and the environment.
 */
@NullMarked
package vn.bhyt.config;

import org.jspecify.annotations.NullMarked;
