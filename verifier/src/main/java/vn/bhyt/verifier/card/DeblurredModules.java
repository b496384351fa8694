package vn.bhyt.verifier.card;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Version;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Readings of a QR symbol's modules from the grey picture, for photos so defocused that no
 * threshold of the pixels separates the modules: each module is sampled at its centre, the samples
 * are scaled between the local paper and ink levels, and the blur is undone on the module grid
 * itself (each module's darkness less what a Gaussian of its neighbours spills into it), the
 * modules whose colour the version fixes held at that colour. Several blur strengths and thresholds
 * give several readings; Reed-Solomon correction takes care of the modules each gets wrong.
 * Stateless.
 */
final class DeblurredModules {

  /** Blur widths tried, as Gaussian sigma in modules. */
  private static final float[] SPREADS = {0.45f, 0.32f, 0.58f};

  /** Thresholds of the deblurred darkness tried with each width. */
  private static final float[] THRESHOLDS = {0.5f, 0.42f, 0.58f};

  /**
   * The least {@link #contrast} of a grid worth reading: grids on a symbol show 0.3 or more, grids
   * on text or background 0.06 or less.
   */
  private static final float MIN_CONTRAST = 0.15f;

  private static final int ITERATIONS = 12;
  private static final int LEVEL_RADIUS = 4;
  private static final float SPOT = 0.18f;

  private DeblurredModules() {}

  /**
   * Returns the first text {@code decoder} reads from a reading of the {@code dimension} by {@code
   * dimension} modules that {@code toImage} places in {@code image} at {@code scale} times its
   * coordinates, or null if none reads.
   */
  static @Nullable String read(
      GreyImage image,
      float scale,
      PerspectiveTransform toImage,
      int dimension,
      Function<BitMatrix, @Nullable String> decoder) {
    int side = dimension + 2;
    float[] darkness = darkness(sample(image, scale, toImage, side), side);
    byte[] fixed = fixedModules(dimension, side);
    float contrast = contrast(darkness, fixed, side);
    if (contrast < MIN_CONTRAST) {
      return null;
    }
    float[] restored = new float[side * side];
    float[] blurred = new float[side * side];
    for (float spread : SPREADS) {
      deconvolve(darkness, fixed, side, spread, restored, blurred);
      for (float threshold : THRESHOLDS) {
        BitMatrix bits = new BitMatrix(dimension);
        for (int y = 0; y < dimension; y++) {
          for (int x = 0; x < dimension; x++) {
            if (restored[(y + 1) * side + x + 1] > threshold) {
              bits.set(x, y);
            }
          }
        }
        String text = decoder.apply(bits);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  /**
   * Returns the mean luminance near the centre of each module of a grid of {@code side} modules,
   * the symbol and a ring of quiet zone around it, row after row.
   */
  private static float[] sample(
      GreyImage image, float scale, PerspectiveTransform toImage, int side) {
    float[][] offsets = {{0, 0}, {-SPOT, -SPOT}, {SPOT, -SPOT}, {-SPOT, SPOT}, {SPOT, SPOT}};
    float[] points = new float[2 * side * side * offsets.length];
    int n = 0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        for (float[] offset : offsets) {
          points[n++] = x - 0.5f + offset[0];
          points[n++] = y - 0.5f + offset[1];
        }
      }
    }
    toImage.transformPoints(points);
    float[] values = new float[side * side];
    for (int i = 0, p = 0; i < values.length; i++) {
      float sum = 0;
      for (int k = 0; k < offsets.length; k++, p += 2) {
        sum += image.sample(points[p] * scale, points[p + 1] * scale);
      }
      values[i] = sum / offsets.length;
    }
    return values;
  }

  /**
   * Returns each module's darkness between 0, the lightest module near it, and 1, the darkest, so
   * that uneven light moves neither.
   */
  private static float[] darkness(float[] values, int side) {
    float[] out = new float[values.length];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        float light = 0;
        float dark = 255;
        for (int j = Math.max(0, y - LEVEL_RADIUS);
            j <= Math.min(side - 1, y + LEVEL_RADIUS);
            j++) {
          for (int i = Math.max(0, x - LEVEL_RADIUS);
              i <= Math.min(side - 1, x + LEVEL_RADIUS);
              i++) {
            float v = values[j * side + i];
            light = Math.max(light, v);
            dark = Math.min(dark, v);
          }
        }
        float range = Math.max(8, light - dark);
        out[y * side + x] = Math.max(0, Math.min(1, (light - values[y * side + x]) / range));
      }
    }
    return out;
  }

  /**
   * Undoes a Gaussian blur of {@code spread} modules on the grid: projected Van Cittert iterations,
   * each adding back what blurring the estimate loses against the samples, the estimate kept
   * between 0 and 1 and the fixed modules at their colour.
   */
  private static void deconvolve(
      float[] darkness, byte[] fixed, int side, float spread, float[] restored, float[] blurred) {
    float edge = fraction(0.5f, 1.5f, spread);
    float centre = fraction(-0.5f, 0.5f, spread);
    float c0 = centre * centre;
    float c1 = centre * edge;
    float c2 = edge * edge;
    float total = c0 + 4 * c1 + 4 * c2;
    c0 /= total;
    c1 /= total;
    c2 /= total;
    for (int i = 0; i < restored.length; i++) {
      restored[i] = fixed[i] >= 0 ? fixed[i] : darkness[i];
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int i = y * side + x;
          float self = restored[i];
          float up = y > 0 ? restored[i - side] : self;
          float down = y < side - 1 ? restored[i + side] : self;
          float left = x > 0 ? restored[i - 1] : self;
          float right = x < side - 1 ? restored[i + 1] : self;
          float ul = y > 0 && x > 0 ? restored[i - side - 1] : self;
          float ur = y > 0 && x < side - 1 ? restored[i - side + 1] : self;
          float dl = y < side - 1 && x > 0 ? restored[i + side - 1] : self;
          float dr = y < side - 1 && x < side - 1 ? restored[i + side + 1] : self;
          blurred[i] = c0 * self + c1 * (up + down + left + right) + c2 * (ul + ur + dl + dr);
        }
      }
      for (int i = 0; i < restored.length; i++) {
        restored[i] =
            fixed[i] >= 0
                ? fixed[i]
                : Math.max(0, Math.min(1, restored[i] + darkness[i] - blurred[i]));
      }
    }
  }

  /**
   * Returns how much darker the modules the version fixes dark are than those it fixes light,
   * inside the symbol and outside its finder patterns: near 0 when the grid is not on a QR symbol.
   */
  private static float contrast(float[] darkness, byte[] fixed, int side) {
    float dark = 0;
    float light = 0;
    int darkCount = 0;
    int lightCount = 0;
    int dimension = side - 2;
    for (int y = 0; y < dimension; y++) {
      for (int x = 0; x < dimension; x++) {
        boolean finder =
            (x <= 7 && y <= 7) || (x >= dimension - 8 && y <= 7) || (x <= 7 && y >= dimension - 8);
        int i = (y + 1) * side + x + 1;
        if (finder || fixed[i] < 0) {
          continue;
        }
        if (fixed[i] == 1) {
          dark += darkness[i];
          darkCount++;
        } else {
          light += darkness[i];
          lightCount++;
        }
      }
    }
    return darkCount == 0 || lightCount == 0 ? 0 : dark / darkCount - light / lightCount;
  }

  /** Returns the share of a unit Gaussian of {@code sigma} between {@code from} and {@code to}. */
  private static float fraction(float from, float to, float sigma) {
    return (float) ((erf(to / (sigma * Math.sqrt(2))) - erf(from / (sigma * Math.sqrt(2)))) / 2);
  }

  /** The error function, to within 1.5e-7 (Abramowitz and Stegun 7.1.26). */
  private static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y =
        1
            - t
                * (0.254829592
                    + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }

  /**
   * Returns, for a grid of {@code side} modules around a symbol of {@code dimension}, 1 for each
   * module the version fixes dark, 0 for each it fixes light (finders, separators, timing,
   * alignment patterns, the quiet zone), -1 for the rest.
   */
  private static byte[] fixedModules(int dimension, int side) {
    byte[] fixed = new byte[side * side];
    Arrays.fill(fixed, (byte) -1);
    for (int y = -1; y <= dimension; y++) {
      for (int x = -1; x <= dimension; x++) {
        int colour = -1;
        if (x < 0 || y < 0 || x >= dimension || y >= dimension) {
          colour = 0;
        } else if (x <= 7 && y <= 7) {
          colour = finder(x, y);
        } else if (x >= dimension - 8 && y <= 7) {
          colour = finder(dimension - 1 - x, y);
        } else if (x <= 7 && y >= dimension - 8) {
          colour = finder(x, dimension - 1 - y);
        } else if (y == 6) {
          colour = x % 2 == 0 ? 1 : 0;
        } else if (x == 6) {
          colour = y % 2 == 0 ? 1 : 0;
        }
        if (colour >= 0) {
          fixed[(y + 1) * side + x + 1] = (byte) colour;
        }
      }
    }
    int[] centres = Version.getVersionForNumber((dimension - 17) / 4).getAlignmentPatternCenters();
    for (int ax : centres) {
      for (int ay : centres) {
        if ((ax <= 8 && ay <= 8)
            || (ax <= 8 && ay >= dimension - 9)
            || (ax >= dimension - 9 && ay <= 8)) {
          continue;
        }
        for (int dy = -2; dy <= 2; dy++) {
          for (int dx = -2; dx <= 2; dx++) {
            boolean ring = Math.max(Math.abs(dx), Math.abs(dy)) == 1;
            fixed[(ay + dy + 1) * side + ax + dx + 1] = (byte) (ring ? 0 : 1);
          }
        }
      }
    }
    return fixed;
  }

  /** The colour of module (x, y) of a finder pattern and its separator, x and y from 0 to 7. */
  private static int finder(int x, int y) {
    int ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
    return ring == 4 || ring == 2 ? 0 : 1;
  }
}
