package vn.bhyt.gateway;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** A progress bar over a file being read; silent when the output is not a terminal. */
final class Progress {
  private final long totalBytes;
  private final PrintStream out;
  private final boolean terminal;
  private long bytesRead;
  private long lastPrint;

  private Progress(long totalBytes, PrintStream out, boolean terminal) {
    this.totalBytes = totalBytes;
    this.out = out;
    this.terminal = terminal;
  }

  // On Java 17, the gateway's runtime, a null console is how output to a file or a pipe shows.
  @SuppressWarnings("SystemConsoleNull")
  static Progress of(long totalBytes, PrintStream out) {
    return new Progress(totalBytes, out, System.console() != null);
  }

  /** The stream, counting what is read from it. */
  InputStream track(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        bytesRead += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        bytesRead += Math.max(0, n);
        return n;
      }
    };
  }

  /** Redraws the bar with the rows read so far, at most ten times a second. */
  void rows(long rows) {
    long now = System.nanoTime();
    if (!terminal || now - lastPrint < 100_000_000L) {
      return;
    }
    lastPrint = now;
    int percent = (int) Math.min(100, bytesRead * 100 / Math.max(1, totalBytes));
    int filled = percent * 30 / 100;
    out.print(
        "\r["
            + "#".repeat(filled)
            + " ".repeat(30 - filled)
            + "] "
            + percent
            + "% "
            + rows
            + " rows");
    out.flush();
  }

  void done() {
    if (terminal) {
      out.print("\r" + " ".repeat(60) + "\r");
      out.flush();
    }
  }
}
