package vn.bhyt.verifier.card;

import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * How a picture will be read, worked out from its header alone: the subsampling step that keeps the
 * raster within {@link #MAX_READ_PIXELS}, and the bytes the read and the QR search will allocate.
 * These are the raster; the rows the reader keeps at full width; for a progressive JPEG, the
 * coefficients of every block, which the JPEG library keeps outside the heap until the last scan
 * whatever the subsampling (two bytes per sample of each component at its own resolution); and the
 * copies the QR search makes of the luminance, enlarged and deblurred ones included.
 *
 * @param width the declared width
 * @param height the declared height
 * @param step the source subsampling step in both directions
 * @param bytes the bytes reading and searching the picture will take, about
 */
record DecodePlan(int width, int height, int step, long bytes) {

  /** The most pixels a picture is read at: enough for any QR code in a photo of a card. */
  static final int MAX_READ_PIXELS = 6_000_000;

  /**
   * Bytes per read pixel that the QR search holds at its peak: the luminance, a smoothed copy with
   * its row sums, the binarized matrices and the reduced copy.
   */
  static final int SEARCH_BYTES_PER_PIXEL = 8;

  /**
   * Bytes per read pixel that the looks for a defocused code add in pictures of up to {@link
   * #DEBLURRED_PIXELS}: the picture enlarged twice with its binarized matrix and block thresholds
   * (about 5), or the two float copies that undo the blur and their result (9), with room to spare.
   */
  static final int DEBLURRED_BYTES_PER_PIXEL = 16;

  /**
   * The most read pixels of a picture searched for defocused codes: a 1920 by 1080 frame, in which
   * a card's code is small enough to be defocused over its modules; in larger pictures it is not.
   */
  static final int DEBLURRED_PIXELS = 1920 * 1080;

  private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

  /** The frame of a JPEG: its components' sampling factors, and whether it is progressive. */
  // A frame is read once and never compared or hashed: the arrays' identity equality is moot.
  @SuppressWarnings("ArrayRecordComponent")
  private record Frame(boolean progressive, int[] horizontal, int[] vertical) {}

  /** Returns the plan for the picture {@code reader} has in hand, read from its header. */
  static DecodePlan of(ImageReader reader, boolean jpeg) throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    long declared = (long) width * height;
    int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) declared / MAX_READ_PIXELS)));
    long readPixels = (long) ceilDiv(width, step) * ceilDiv(height, step);
    long bytes = readPixels * SEARCH_BYTES_PER_PIXEL;
    if (readPixels <= DEBLURRED_PIXELS) {
      bytes += readPixels * DEBLURRED_BYTES_PER_PIXEL;
    }
    if (jpeg) {
      Frame frame = frame(reader.getImageMetadata(0));
      int components = frame == null ? 4 : frame.horizontal().length;
      int rows = frame == null ? 32 : 16 * max(frame.vertical());
      bytes += readPixels * components + (long) width * components * rows;
      if (frame == null || frame.progressive()) {
        bytes += coefficientBytes(width, height, frame);
      }
    } else {
      long pixelBytes = pixelBytes(reader.getRawImageType(0));
      bytes += readPixels * pixelBytes + 2L * width * pixelBytes;
    }
    return new DecodePlan(width, height, step, bytes);
  }

  /** The declared size, for messages. */
  String size() {
    return width + "x" + height;
  }

  /**
   * Bytes of the coefficient buffers of a progressive JPEG: 64 coefficients of two bytes for every
   * 8 by 8 block of every component; without a readable frame, three full-resolution components.
   */
  private static long coefficientBytes(int width, int height, @Nullable Frame frame) {
    if (frame == null) {
      return 3L * blocks(width) * blocks(height) * 128;
    }
    int hMax = max(frame.horizontal());
    int vMax = max(frame.vertical());
    long bytes = 0;
    for (int c = 0; c < frame.horizontal().length; c++) {
      int w = ceilDiv(width * frame.horizontal()[c], hMax);
      int h = ceilDiv(height * frame.vertical()[c], vMax);
      bytes += (long) blocks(w) * blocks(h) * 128;
    }
    return bytes;
  }

  private static @Nullable Frame frame(@Nullable IIOMetadata metadata) {
    if (metadata == null) {
      return null;
    }
    Node markers = child(metadata.getAsTree(JPEG_METADATA), "markerSequence");
    Node sof = markers == null ? null : child(markers, "sof");
    if (sof == null) {
      return null;
    }
    int count = 0;
    for (Node n = sof.getFirstChild(); n != null; n = n.getNextSibling()) {
      count += n.getNodeName().equals("componentSpec") ? 1 : 0;
    }
    if (count == 0) {
      return null;
    }
    int[] horizontal = new int[count];
    int[] vertical = new int[count];
    int i = 0;
    for (Node n = sof.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals("componentSpec")) {
        horizontal[i] = Math.max(1, attribute(n, "HsamplingFactor"));
        vertical[i] = Math.max(1, attribute(n, "VsamplingFactor"));
        i++;
      }
    }
    return new Frame(attribute(sof, "process") != 0, horizontal, vertical);
  }

  private static @Nullable Node child(Node parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(name)) {
        return n;
      }
    }
    return null;
  }

  /** An attribute's whole-number value; an absent or unreadable one counts as 0. */
  private static int attribute(Node node, String name) {
    NamedNodeMap attributes = node.getAttributes();
    Node value = attributes == null ? null : attributes.getNamedItem(name);
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.getNodeValue());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Bytes per pixel of the raster a PNG is read into: 8, four 16-bit samples, when unknown. */
  private static long pixelBytes(@Nullable ImageTypeSpecifier type) {
    if (type == null) {
      return 8;
    }
    SampleModel model = type.getSampleModel();
    int sampleBits = DataBuffer.getDataTypeSize(model.getDataType());
    return Math.max(1, (long) model.getNumBands() * sampleBits / 8);
  }

  private static int blocks(int samples) {
    return ceilDiv(samples, 8);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static int max(int[] values) {
    int max = 1;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
