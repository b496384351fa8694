/** Domain primitives shared by every module: card numbers, facilities, dates. Pure: no I/O. */
package vn.bhyt.domain;
