/**
 * Claim intake: the XML 130 envelope ({@code GIAMDINHHS}) and its older 4210 form, read one dossier
 * at a time into the {@link vn.bhyt.claims.claim claim model} and written back. Pure: it reads and
 * writes only the streams it is given and neither logs nor touches files, JDBC or the network.
 */
@NullMarked
package vn.bhyt.claims.intake;

import org.jspecify.annotations.NullMarked;
