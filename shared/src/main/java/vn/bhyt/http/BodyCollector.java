package vn.bhyt.http;

/** The handler that takes a connection's request bodies: into memory or into files. */
interface BodyCollector {
  /** The largest body it takes, in bytes. */
  int limit();

  /** Whether it writes bodies to files. */
  boolean spools();
}
