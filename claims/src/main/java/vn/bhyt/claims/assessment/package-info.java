/**
 * Pre-assessment of a claim before it goes to the fund: the {@link
 * vn.bhyt.claims.assessment.Assessor} runs the {@link vn.bhyt.claims.assessment.RuleBook}'s rules
 * in force on the visit date over a {@link vn.bhyt.claims.claim.ClaimDossier} and returns an {@link
 * vn.bhyt.claims.assessment.Assessment}: findings with stable codes, the recomputed totals and
 * whether the claim may be forwarded. Registry, reception, price and history lookups go through
 * small ports whose "nothing known" defaults make no finding. Pure: no I/O beyond reading the
 * built-in reference tables from the class path, no logging.
 */
@NullMarked
package vn.bhyt.claims.assessment;

import org.jspecify.annotations.NullMarked;
