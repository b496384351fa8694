/**
 * The FHIR R4 resource store: resources as JSON with every version kept, search indexes in MariaDB,
 * conditional creates that cannot duplicate, and the validator and eligibility port the REST API
 * and the check-in share.
 */
@NullMarked
package vn.bhyt.fhir;

import org.jspecify.annotations.NullMarked;
