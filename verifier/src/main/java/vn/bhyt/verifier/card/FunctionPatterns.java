package vn.bhyt.verifier.card;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Version;
import java.util.Arrays;

/**
 * The modules of a QR symbol whose colour is fixed by its version: timing patterns and alignment
 * patterns. How many of them a candidate grid places on the right colour tells how well that grid
 * fits the symbol in the picture, independently of the data. Immutable.
 */
final class FunctionPatterns {

  private static final FunctionPatterns[] BY_VERSION = new FunctionPatterns[41];

  static {
    for (int version = 1; version <= 40; version++) {
      BY_VERSION[version] = build(17 + 4 * version);
    }
  }

  private final float[] centres;
  private final boolean[] dark;

  private FunctionPatterns(float[] centres, boolean[] dark) {
    this.centres = centres;
    this.dark = dark;
  }

  /**
   * Returns the function patterns of the version whose symbol is {@code dimension} modules wide.
   */
  static FunctionPatterns forDimension(int dimension) {
    return BY_VERSION[(dimension - 17) / 4];
  }

  private static FunctionPatterns build(int dimension) {
    Version version = Version.getVersionForNumber((dimension - 17) / 4);
    int[] alignment = version.getAlignmentPatternCenters();
    int count = 2 * (dimension - 16) + 25 * alignment.length * alignment.length;
    float[] centres = new float[2 * count];
    boolean[] dark = new boolean[count];
    int n = 0;
    for (int i = 8; i < dimension - 8; i++) {
      n = add(centres, dark, n, i, 6, i % 2 == 0);
      n = add(centres, dark, n, 6, i, i % 2 == 0);
    }
    for (int ax : alignment) {
      for (int ay : alignment) {
        if (overlapsFinder(ax, ay, dimension)) {
          continue;
        }
        for (int dy = -2; dy <= 2; dy++) {
          for (int dx = -2; dx <= 2; dx++) {
            boolean ring = Math.max(Math.abs(dx), Math.abs(dy)) == 1;
            n = add(centres, dark, n, ax + dx, ay + dy, !ring);
          }
        }
      }
    }
    return new FunctionPatterns(Arrays.copyOf(centres, 2 * n), Arrays.copyOf(dark, n));
  }

  private static boolean overlapsFinder(int x, int y, int dimension) {
    return (x <= 8 && y <= 8) || (x <= 8 && y >= dimension - 9) || (x >= dimension - 9 && y <= 8);
  }

  private static int add(float[] centres, boolean[] dark, int n, int x, int y, boolean isDark) {
    centres[2 * n] = x + 0.5f;
    centres[2 * n + 1] = y + 0.5f;
    dark[n] = isDark;
    return n + 1;
  }

  /** Returns how many function modules {@code toImage} puts on a pixel of the expected colour. */
  int score(BitMatrix image, PerspectiveTransform toImage, float[] scratch) {
    System.arraycopy(centres, 0, scratch, 0, centres.length);
    toImage.transformPoints(scratch);
    int width = image.getWidth();
    int height = image.getHeight();
    int score = 0;
    for (int i = 0; i < dark.length; i++) {
      float x = scratch[2 * i];
      float y = scratch[2 * i + 1];
      if (x >= 0 && y >= 0 && x < width && y < height && image.get((int) x, (int) y) == dark[i]) {
        score++;
      }
    }
    return score;
  }

  /** Returns the length of the scratch array {@link #score} needs. */
  int scratchLength() {
    return centres.length;
  }
}
