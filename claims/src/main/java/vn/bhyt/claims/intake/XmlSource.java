package vn.bhyt.claims.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The characters of an XML input: its bytes decoded as strict UTF-8 (a leading byte-order mark
 * dropped), counted, and cut off when one stretch between two {@link #restartSpan()} calls grows
 * beyond a limit, so that no single XML construct can make the parser buffer without bound.
 *
 * <p>Failures of the underlying stream are remembered so that they can be told apart from bad
 * content.
 */
final class XmlSource extends Reader {

  /** Thrown from {@link #read} when one stretch of input exceeds the limit. */
  static final class SpanExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    SpanExceeded() {
      super("an XML construct exceeds the text limit", null);
    }
  }

  private final Bytes bytes;
  private final Reader decoded;
  private final long maxSpan;
  private long span;
  private long chars;
  private boolean first = true;

  XmlSource(InputStream in, long maxSpan) {
    this.bytes = new Bytes(in);
    this.decoded =
        new InputStreamReader(
            bytes,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    this.maxSpan = maxSpan;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = decoded.read(buf, off, len);
    if (n > 0 && first) {
      first = false;
      if (buf[off] == '\uFEFF') {
        System.arraycopy(buf, off + 1, buf, off, n - 1);
        n--;
      }
    }
    if (n > 0) {
      chars += n;
      span += n;
      if (span > maxSpan) {
        throw new SpanExceeded();
      }
    }
    return n;
  }

  /** Starts a new stretch: the parser has handed over one more construct. */
  void restartSpan() {
    span = 0;
  }

  /** The characters read so far. */
  long chars() {
    return chars;
  }

  /** Whether the underlying stream has reported its end. */
  boolean ended() {
    return bytes.ended;
  }

  /** The underlying stream's own failure, or null when it has not failed. */
  @Nullable IOException failure() {
    return bytes.failure;
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }

  /** The underlying bytes, watched for their end and their failures. */
  private static final class Bytes extends FilterInputStream {
    private boolean ended;
    private @Nullable IOException failure;

    Bytes(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        ended |= n < 0;
        return n;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
