/** Reading RFC 4180 CSV files with a header row, streaming. */
@NullMarked
package vn.bhyt.csv;

import org.jspecify.annotations.NullMarked;
