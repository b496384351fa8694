/**
 * The lookups claim pre-assessment consults, over the gateway's database: the insured price list
 * and the ICD-10 list (idempotent CSV imports, cached lookups), the registry's card history and
 * reception's check-ins in the FHIR store. Each implements a port of {@link
 * vn.bhyt.claims.assessment}; not pure (JDBC, blocking: call them off the event loop).
 */
@NullMarked
package vn.bhyt.claims.catalog;

import org.jspecify.annotations.NullMarked;
