/** Domain primitives shared by every module: card numbers, facilities, dates. Pure: no I/O. */
@NullMarked
package vn.bhyt.domain;

import org.jspecify.annotations.NullMarked;
