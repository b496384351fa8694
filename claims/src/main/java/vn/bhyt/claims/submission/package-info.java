/**
 * Claims intake: reads an XML 130 or 4210 envelope as a stream, pre-assesses each dossier and
 * stores it, the whole envelope in one transaction. Work runs on the worker executor, never on an
 * event loop.
 */
@NullMarked
package vn.bhyt.claims.submission;

import org.jspecify.annotations.NullMarked;
