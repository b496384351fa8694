package vn.bhyt.verifier.card;

import com.google.zxing.Binarizer;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The order in which a picture is searched for a QR code: a fast look at a reduced copy, which
 * decodes about 97% of phone photos, then slower looks that each rescue a different kind of bad
 * photo: a global threshold for shadows the local one splits, more pixels for small or
 * low-resolution codes (in pictures of up to 2,000 pixels a side, where a code of 3 pixels per
 * module is as small as a card's QR gets), smoothing for sensor noise, inversion for light-on-dark
 * codes, and last, in pictures of up to 1920 by 1080, deblurring for codes so defocused that no
 * threshold separates their modules.
 */
final class QrScan {

  private static final int REDUCED_SIDE = 900;
  private static final int SMALL_SIDE = 1000;
  private static final int MEDIUM_SIDE = 2000;
  private static final double ENLARGEMENT = 1.5;
  private static final float DEBLUR_SIGMA = 1.2f;
  private static final int DEBLUR_ROUNDS = 3;

  /** How long the looks for a defocused code may take together, in nanoseconds. */
  static final long DEBLURRED_NANOS = 1_000_000_000L;

  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(
          DecodeHintType.TRY_HARDER,
          true,
          DecodeHintType.CHARACTER_SET,
          StandardCharsets.UTF_8.name());

  private QrScan() {}

  /** Returns the text of a QR code in {@code image}, or null if none could be decoded. */
  static @Nullable String find(GreyImage image) {
    GreyImage reduced = image.reducedTo(REDUCED_SIDE);
    String text = decode(reduced.luminance(), HybridBinarizer::new);
    if (text == null) {
      text = decode(image.luminance(), GlobalHistogramBinarizer::new);
    }
    if (text == null && Math.max(image.width(), image.height()) <= SMALL_SIDE) {
      text = decode(image.enlarged(ENLARGEMENT).luminance(), HybridBinarizer::new);
    }
    if (text == null && reduced != image) {
      text = decode(image.luminance(), HybridBinarizer::new);
    }
    int longSide = Math.max(image.width(), image.height());
    if (text == null && longSide > SMALL_SIDE && longSide <= MEDIUM_SIDE) {
      text = decode(image.enlarged(ENLARGEMENT).luminance(), HybridBinarizer::new);
    }
    if (text == null) {
      text = decode(image.smoothed().luminance(), HybridBinarizer::new);
    }
    if (text == null) {
      text = decode(reduced.luminance().invert(), HybridBinarizer::new);
    }
    if (text == null && (long) image.width() * image.height() <= DecodePlan.DEBLURRED_PIXELS) {
      text = deblurred(image);
    }
    return text;
  }

  /**
   * Looks for a code too defocused for any threshold of its pixels: finder patterns searched in the
   * picture enlarged twice, then in a copy with the blur partly undone and enlarged twice, then in
   * the picture itself, each grid's modules read from the grey picture deblurred ({@link
   * DeblurredModules}); within {@link #DEBLURRED_NANOS} in all.
   */
  private static @Nullable String deblurred(GreyImage image) {
    long deadline = System.nanoTime() + DEBLURRED_NANOS;
    String text = deblurred(image.enlarged(2), image, 0.5f, deadline);
    GreyImage sharper = null;
    if (text == null && System.nanoTime() - deadline < 0) {
      sharper = image.deblurred(DEBLUR_SIGMA, DEBLUR_ROUNDS);
      text = deblurred(sharper.enlarged(2), image, 0.5f, deadline);
    }
    if (text == null && System.nanoTime() - deadline < 0) {
      text = deblurred(image, image, 1, deadline);
    }
    if (text == null && sharper != null && System.nanoTime() - deadline < 0) {
      text = deblurred(sharper.enlarged(3), image, 1 / 3f, deadline);
    }
    if (text == null && System.nanoTime() - deadline < 0) {
      text = deblurred(image.enlarged(2).smoothed(), image, 0.5f, deadline);
    }
    if (text == null && System.nanoTime() - deadline < 0) {
      text = deblurred(image.deblurred(0.8f, 2).enlarged(2), image, 0.5f, deadline);
    }
    return text;
  }

  private static @Nullable String deblurred(
      GreyImage searched, GreyImage grey, float greyScale, long deadline) {
    try {
      BitMatrix bits = new HybridBinarizer(searched.luminance()).getBlackMatrix();
      return new FinderGridDecoder(bits, HINTS, grey, greyScale, deadline).decode();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static @Nullable String decode(
      LuminanceSource source, Function<LuminanceSource, Binarizer> binarizer) {
    try {
      return new FinderGridDecoder(binarizer.apply(source).getBlackMatrix(), HINTS).decode();
    } catch (NotFoundException e) {
      return null;
    }
  }
}
