/** Reading RFC 4180 CSV files with a header row, streaming. */
package vn.bhyt.csv;
