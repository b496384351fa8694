package vn.bhyt.verifier.card;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;
import vn.bhyt.verifier.card.ImageDecodeException.Reason;

/**
 * A reader of the QR code on a health-insurance card from a picture of it: a phone or webcam photo
 * of the paper card, or a screenshot of the VssID or VNeID app, as PNG or JPEG bytes.
 *
 * <p>Large pictures are read subsampled, so memory stays bounded whatever size a picture declares.
 * Instances are immutable and safe to share between threads.
 */
public final class QrImageDecoder {

  /** The declared picture size, in pixels, above which {@link #withDefaults()} refuses to read. */
  public static final int DEFAULT_MAX_PIXELS = 200_000_000;

  private static final int MAX_READ_PIXELS = 6_000_000;

  /**
   * The longest side a picture may declare: a little more than the largest phone cameras take
   * (16,320 × 12,240 at 200 megapixels). Readers buffer whole rows at full width whatever the
   * subsampling, so a longer side costs memory that a smaller pixel count does not show.
   */
  static final int MAX_SIDE = 16_384;

  private final int maxPixels;

  /** Creates a decoder refusing pictures that declare more than {@code maxPixels} pixels. */
  public QrImageDecoder(int maxPixels) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels: " + maxPixels + " (expected: >= 1)");
    }
    this.maxPixels = maxPixels;
  }

  /** Returns a decoder accepting pictures of up to {@link #DEFAULT_MAX_PIXELS} pixels. */
  public static QrImageDecoder withDefaults() {
    return new QrImageDecoder(DEFAULT_MAX_PIXELS);
  }

  /**
   * Returns the text of the QR code in {@code imageBytes}, a PNG or JPEG picture.
   *
   * @throws ImageDecodeException if the bytes are not a readable picture, declare too many pixels,
   *     or show no QR code that can be decoded
   */
  public String decode(byte[] imageBytes) throws ImageDecodeException {
    Objects.requireNonNull(imageBytes, "imageBytes");
    GreyImage image = read(imageBytes);
    String text;
    try {
      text = QrScan.find(image);
    } catch (RuntimeException e) {
      throw noQrCode(image, e);
    }
    if (text == null) {
      throw noQrCode(image, null);
    }
    return text;
  }

  private static ImageDecodeException noQrCode(GreyImage image, @Nullable Exception cause) {
    return new ImageDecodeException(
        Reason.NO_QR_CODE,
        "no QR code found in a " + image.width() + "x" + image.height() + " picture",
        cause);
  }

  /** Returns the luminance of a PNG or JPEG picture, subsampled to about 6 megapixels at most. */
  GreyImage read(byte[] bytes) throws ImageDecodeException {
    if (bytes.length == 0) {
      throw new ImageDecodeException(Reason.UNREADABLE, "empty picture");
    }
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(input);
      try {
        if (isJpeg(reader) && !endsJpegImage(bytes)) {
          throw new ImageDecodeException(
              Reason.UNREADABLE, "truncated JPEG picture of " + bytes.length + " bytes");
        }
        reader.setInput(input, true, true);
        return read(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException(
          Reason.UNREADABLE,
          "unreadable picture of " + bytes.length + " bytes: " + e.getClass().getSimpleName(),
          e);
    }
  }

  private GreyImage read(ImageReader reader) throws IOException, ImageDecodeException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    long declared = (long) width * height;
    if (width > MAX_SIDE || height > MAX_SIDE) {
      throw new ImageDecodeException(
          Reason.TOO_LARGE,
          "picture of "
              + width
              + "x"
              + height
              + " pixels (expected: at most "
              + MAX_SIDE
              + " pixels on a side, as a phone camera takes)");
    }
    if (declared > maxPixels) {
      throw new ImageDecodeException(
          Reason.TOO_LARGE,
          "picture of "
              + width
              + "x"
              + height
              + " pixels (expected: at most "
              + maxPixels
              + " pixels)");
    }
    int step = (int) Math.ceil(Math.sqrt((double) declared / MAX_READ_PIXELS));
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(Math.max(1, step), Math.max(1, step), 0, 0);
    if (isJpeg(reader) && reader.canReadRaster()) {
      return GreyImage.firstBand(reader.readRaster(0, param));
    }
    ImageTypeSpecifier stored = reader.getRawImageType(0);
    if (stored != null) {
      param.setDestinationType(stored);
    }
    return GreyImage.of(reader.read(0, param));
  }

  /**
   * Returns whether an end-of-image marker follows the last start-of-scan marker; a JPEG cut short
   * has none, which ImageIO reports as a mere warning before painting the rest grey.
   */
  private static boolean endsJpegImage(byte[] bytes) {
    for (int i = bytes.length - 2; i >= 0; i--) {
      if (bytes[i] == (byte) 0xFF) {
        if (bytes[i + 1] == (byte) 0xD9) {
          return true;
        }
        if (bytes[i + 1] == (byte) 0xDA) {
          return false;
        }
      }
    }
    return false;
  }

  private static ImageReader readerFor(ImageInputStream input)
      throws IOException, ImageDecodeException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (isJpeg(reader) || isPng(reader)) {
        return reader;
      }
    }
    throw new ImageDecodeException(Reason.UNREADABLE, "not a PNG or JPEG picture");
  }

  private static boolean isJpeg(ImageReader reader) throws IOException {
    return formatOf(reader).equals("jpeg");
  }

  private static boolean isPng(ImageReader reader) throws IOException {
    return formatOf(reader).equals("png");
  }

  private static String formatOf(ImageReader reader) throws IOException {
    return reader.getFormatName().toLowerCase(Locale.ROOT);
  }
}
