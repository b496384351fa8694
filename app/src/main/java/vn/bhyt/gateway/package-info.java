/** The composition root: builds the gateway from its configuration; the command line; the demo. */
@NullMarked
package vn.bhyt.gateway;

import org.jspecify.annotations.NullMarked;
