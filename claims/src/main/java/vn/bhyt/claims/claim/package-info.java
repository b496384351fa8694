/**
 * A submitted cost claim as the hospital's billing software wrote it: one {@link ClaimDossier} per
 * visit (an XML 130 {@code HOSO}), its tables and their rows, field by field as text. Parsers fill
 * it, pre-assessment reads it, storage and forwarding keep it. Pure.
 */
@NullMarked
package vn.bhyt.claims.claim;

import org.jspecify.annotations.NullMarked;
