/** The card check over HTTP: request bodies in, localized answers out. Transport only. */
package vn.bhyt.verifier.http;
