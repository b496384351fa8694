/** The composition root: builds the gateway from its configuration; the command line; the demo. */
package vn.bhyt.gateway;
