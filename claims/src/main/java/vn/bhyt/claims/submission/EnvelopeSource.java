package vn.bhyt.claims.submission;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a claim envelope is read from: bytes in memory, a file, a request body spooled to a file.
 * It can be opened more than once, since a transaction that fails on a conflict with a concurrent
 * one reads the envelope again.
 */
@FunctionalInterface
public interface EnvelopeSource {
  /** A new stream of the envelope from its start, which the caller closes. */
  InputStream open() throws IOException;
}
