/**
 * Reference data: beneficiary groups, benefit levels, provinces, base salary, route rules and the
 * fund's result codes, loaded from CSV files. The records are pure values; {@link
 * vn.bhyt.reference.ReferenceData#load} reads files.
 */
@NullMarked
package vn.bhyt.reference;

import org.jspecify.annotations.NullMarked;
