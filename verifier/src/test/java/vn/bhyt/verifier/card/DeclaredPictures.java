package vn.bhyt.verifier.card;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small files that declare large pictures, as an attacker or a broken client sends them: a PNG
 * whose header claims a size its data does not fill, and a progressive JPEG whose one scan sets
 * every block of a large picture, a megabyte or less that the JPEG library decodes at full size.
 */
public final class DeclaredPictures {

  private DeclaredPictures() {}

  /**
   * A grey 8-bit PNG whose header declares {@code width} by {@code height}, with one row of data.
   */
  public static byte[] png(int width, int height) {
    return png(width, height, 8, 0);
  }

  /**
   * A PNG of {@code bitDepth} and {@code colourType} (0 grey, 2 RGB, 4 grey and alpha, 6 RGBA)
   * whose header declares {@code width} by {@code height}, with one row of data.
   */
  public static byte[] png(int width, int height, int bitDepth, int colourType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
    pngChunk(out, "IHDR", ihdr.array());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[] {0, 0});
    deflater.finish();
    byte[] idat = new byte[64];
    int n = deflater.deflate(idat);
    deflater.end();
    pngChunk(out, "IDAT", Arrays.copyOf(idat, n));
    pngChunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 4, 4 + data.length);
    b.putInt((int) crc.getValue());
    out.write(b.array(), 0, b.capacity());
  }

  /**
   * A progressive colour JPEG of {@code width} by {@code height} (4:2:0, as phones and chat apps
   * save them) with a single DC scan in which every block is flat grey: one bit per block, about
   * 575 kB for 14,000 by 14,000. A reader must keep every block's coefficients until the last scan,
   * so decoding it costs width x height x 3 bytes of coefficient buffers.
   */
  public static byte[] progressiveJpeg(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    byte[] quantisation = new byte[65];
    Arrays.fill(quantisation, (byte) 1);
    quantisation[0] = 0;
    jpegSegment(out, 0xDB, quantisation);
    jpegSegment(
        out,
        0xC2,
        new byte[] {
          8,
          (byte) (height >> 8),
          (byte) height,
          (byte) (width >> 8),
          (byte) width,
          3,
          1,
          0x22,
          0,
          2,
          0x11,
          0,
          3,
          0x11,
          0
        });
    byte[] dcTable = new byte[1 + 16 + 1];
    dcTable[1] = 1; // one code of one bit, "0": a difference of category 0
    jpegSegment(out, 0xC4, dcTable);
    jpegSegment(out, 0xDA, new byte[] {3, 1, 0, 2, 0, 3, 0, 0, 0, 0});
    long mcus = (long) ((width + 15) / 16) * ((height + 15) / 16);
    out.writeBytes(new byte[(int) ((mcus * 6 + 7) / 8)]);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
    return out.toByteArray();
  }

  private static void jpegSegment(ByteArrayOutputStream out, int marker, byte[] data) {
    int length = data.length + 2;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
    out.writeBytes(data);
  }
}
