/**
 * Claims intake: {@code POST /api/v1/claims} reads an XML 130 or 4210 envelope as a stream,
 * pre-assesses each dossier and stores it, the whole envelope in one transaction; {@code GET
 * /api/v1/claims}, {@code GET /api/v1/claims/{id}} and {@code GET /api/v1/rules} show what was
 * received and the rules it was held to. Work runs on the worker executor, never on an event loop.
 */
package vn.bhyt.claims.submission;
