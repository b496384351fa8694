/**
 * The gateway's configuration: an immutable record tree read once from {@code config/gateway.conf}
 * and environment overrides. The loader is pure: it takes the file's text and the environment.
 */
package vn.bhyt.config;
