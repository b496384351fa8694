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
 * <p>What a decode will allocate is worked out from the picture's header before any pixel is read
 * ({@link DecodePlan}): large pictures are read subsampled, and each decode holds its bytes of a
 * {@link DecodeBudget} until its search ends, so that a picture too costly to decode is refused and
 * costly decodes running at once wait for each other or are refused as busy. Instances are
 * immutable and safe to share between threads.
 */
public final class QrImageDecoder {

  /** The declared picture size, in pixels, above which {@link #withDefaults()} refuses to read. */
  public static final int DEFAULT_MAX_PIXELS = 200_000_000;

  /**
   * The longest side a picture may declare: a little more than the largest phone cameras take
   * (16,320 × 12,240 at 200 megapixels). Readers buffer whole rows at full width whatever the
   * subsampling, so a longer side costs memory that a smaller pixel count does not show.
   */
  static final int MAX_SIDE = 16_384;

  private final int maxPixels;
  private final DecodeBudget budget;

  /**
   * Creates a decoder refusing pictures that declare more than {@code maxPixels} pixels, each
   * decode taking its memory from {@code budget}.
   */
  public QrImageDecoder(int maxPixels, DecodeBudget budget) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels: " + maxPixels + " (expected: >= 1)");
    }
    this.maxPixels = maxPixels;
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** Creates a decoder refusing pictures of more than {@code maxPixels}, with its own budget. */
  public QrImageDecoder(int maxPixels) {
    this(maxPixels, DecodeBudget.withDefaults());
  }

  /** Returns a decoder of {@link #DEFAULT_MAX_PIXELS} taking its memory from {@code budget}. */
  public static QrImageDecoder withBudget(DecodeBudget budget) {
    return new QrImageDecoder(DEFAULT_MAX_PIXELS, budget);
  }

  /** Returns a decoder of {@link #DEFAULT_MAX_PIXELS} with a budget of its own, of the defaults. */
  public static QrImageDecoder withDefaults() {
    return withBudget(DecodeBudget.withDefaults());
  }

  /**
   * Returns the text of the QR code in {@code imageBytes}, a PNG or JPEG picture.
   *
   * @throws ImageDecodeException if the bytes are not a readable picture, declare too many pixels
   *     or would take more memory than one decode may, show no QR code that can be decoded, or if
   *     other decodes hold the memory this one needs for longer than the budget's wait
   */
  public String decode(byte[] imageBytes) throws ImageDecodeException {
    Objects.requireNonNull(imageBytes, "imageBytes");
    if (imageBytes.length == 0) {
      throw new ImageDecodeException(Reason.UNREADABLE, "empty picture");
    }
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes))) {
      ImageReader reader = readerFor(input);
      try {
        boolean jpeg = isJpeg(reader);
        if (jpeg && !endsJpegImage(imageBytes)) {
          throw new ImageDecodeException(
              Reason.UNREADABLE, "truncated JPEG picture of " + imageBytes.length + " bytes");
        }
        reader.setInput(input, true, !jpeg);
        return decode(reader, jpeg, imageBytes.length);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw unreadable(imageBytes.length, e);
    }
  }

  private String decode(ImageReader reader, boolean jpeg, int length)
      throws IOException, ImageDecodeException {
    DecodePlan plan;
    try {
      requireSize(reader.getWidth(0), reader.getHeight(0));
      plan = DecodePlan.of(reader, jpeg);
    } catch (IOException | RuntimeException e) {
      throw unreadable(length, e);
    }
    DecodeBudget.Permit permit = budget.acquire(plan.bytes(), "a " + plan.size() + " picture");
    try {
      GreyImage image;
      try {
        image = read(reader, plan, jpeg);
      } catch (IOException | RuntimeException e) {
        throw unreadable(length, e);
      } finally {
        reader.dispose();
      }
      return find(image);
    } finally {
      permit.close();
    }
  }

  private void requireSize(int width, int height) throws ImageDecodeException {
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
    if ((long) width * height > maxPixels) {
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
  }

  private static String find(GreyImage image) throws ImageDecodeException {
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

  private static ImageDecodeException unreadable(int length, Exception cause) {
    return new ImageDecodeException(
        Reason.UNREADABLE,
        "unreadable picture of " + length + " bytes: " + cause.getClass().getSimpleName(),
        cause);
  }

  /** Returns the luminance of the picture, read with the plan's subsampling. */
  private static GreyImage read(ImageReader reader, DecodePlan plan, boolean jpeg)
      throws IOException {
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(plan.step(), plan.step(), 0, 0);
    if (jpeg && reader.canReadRaster()) {
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
