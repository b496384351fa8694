package vn.bhyt.verifier.card;

/** What a scanned QR code turned out to be: a health insurance card or a chip citizen-ID card. */
public sealed interface Scan permits CardPayload, CitizenIdPayload {}
