package vn.bhyt.verifier.card;

import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.LuminanceSource;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/** An 8-bit luminance image, one byte per pixel, row after row; immutable once built. */
final class GreyImage {

  private final int width;
  private final int height;
  private final byte[] luma;

  GreyImage(int width, int height, byte[] luma) {
    this.width = width;
    this.height = height;
    this.luma = luma;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /**
   * Returns the luminance at ({@code x}, {@code y}), pixel centres at half-integers, interpolated
   * bilinearly; points outside take the nearest edge pixel's.
   */
  float sample(float x, float y) {
    float sx = Math.max(0, Math.min(width - 1.001f, x - 0.5f));
    float sy = Math.max(0, Math.min(height - 1.001f, y - 0.5f));
    int x0 = (int) sx;
    int y0 = (int) sy;
    float fx = sx - x0;
    float fy = sy - y0;
    int top = y0 * width + x0;
    int below = top + (y0 + 1 < height ? width : 0);
    int right = x0 + 1 < width ? 1 : 0;
    float upper = (luma[top] & 255) * (1 - fx) + (luma[top + right] & 255) * fx;
    float lower = (luma[below] & 255) * (1 - fx) + (luma[below + right] & 255) * fx;
    return upper * (1 - fy) + lower * fy;
  }

  /** Returns a zxing view of this image, sharing its pixels. */
  LuminanceSource luminance() {
    return new GrayscaleLuminanceSource(width, height, luma);
  }

  /** Returns the first band of an 8-bit raster, such as the Y plane of a JPEG read raw. */
  static GreyImage firstBand(Raster raster) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    byte[] luma = new byte[width * height];
    if (raster.getDataBuffer() instanceof DataBufferByte buffer
        && raster.getSampleModel() instanceof ComponentSampleModel model
        && buffer.getNumBanks() == 1) {
      byte[] data = buffer.getData();
      int pixelStride = model.getPixelStride();
      int first =
          buffer.getOffset()
              + model.getBandOffsets()[0]
              - raster.getSampleModelTranslateX() * pixelStride
              - raster.getSampleModelTranslateY() * model.getScanlineStride();
      for (int y = 0; y < height; y++) {
        int from = first + y * model.getScanlineStride();
        for (int x = 0, to = y * width; x < width; x++, to++, from += pixelStride) {
          luma[to] = data[from];
        }
      }
    } else {
      int[] row = new int[width];
      for (int y = 0; y < height; y++) {
        raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
        for (int x = 0; x < width; x++) {
          luma[y * width + x] = (byte) row[x];
        }
      }
    }
    return new GreyImage(width, height, luma);
  }

  /** Returns the luminance of {@code image}, transparent parts taken as white paper. */
  static GreyImage of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] luma = new byte[width * height];
    Raster raster = image.getRaster();
    ColorModel colors = image.getColorModel();
    if (raster.getDataBuffer() instanceof DataBufferByte buffer
        && raster.getSampleModel() instanceof ComponentSampleModel model
        && buffer.getNumBanks() == 1
        && buffer.getOffset() == 0
        && raster.getParent() == null
        && colors instanceof ComponentColorModel
        && isRgbOrGrey(colors)
        && !colors.isAlphaPremultiplied()) {
      fromInterleavedBytes(buffer.getData(), model, colors, width, height, luma);
    } else if (raster.getDataBuffer() instanceof DataBufferInt buffer
        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
        && colors instanceof DirectColorModel direct
        && buffer.getOffset() == 0
        && raster.getParent() == null
        && isEightBitRgb(direct)) {
      fromPackedInts(buffer.getData(), model.getScanlineStride(), direct, width, height, luma);
    } else {
      fromRgbRows(image, width, height, luma);
    }
    return new GreyImage(width, height, luma);
  }

  private static void fromInterleavedBytes(
      byte[] data,
      ComponentSampleModel model,
      ColorModel colors,
      int width,
      int height,
      byte[] luma) {
    int[] offsets = model.getBandOffsets();
    int stride = model.getPixelStride();
    int colorBands = colors.getNumColorComponents();
    int alpha = colors.hasAlpha() ? offsets[colorBands] : -1;
    int r = offsets[0];
    int g = colorBands == 3 ? offsets[1] : r;
    int b = colorBands == 3 ? offsets[2] : r;
    for (int y = 0; y < height; y++) {
      int from = y * model.getScanlineStride();
      for (int x = 0, to = y * width; x < width; x++, to++, from += stride) {
        int value =
            ((data[from + r] & 255) * 77
                    + (data[from + g] & 255) * 150
                    + (data[from + b] & 255) * 29
                    + 128)
                >> 8;
        luma[to] = (byte) (alpha < 0 ? value : overWhite(value, data[from + alpha] & 255));
      }
    }
  }

  private static void fromPackedInts(
      int[] data, int scanline, DirectColorModel colors, int width, int height, byte[] luma) {
    int rs = Integer.numberOfTrailingZeros(colors.getRedMask());
    int gs = Integer.numberOfTrailingZeros(colors.getGreenMask());
    int bs = Integer.numberOfTrailingZeros(colors.getBlueMask());
    boolean alpha = colors.hasAlpha();
    for (int y = 0; y < height; y++) {
      for (int x = 0, from = y * scanline, to = y * width; x < width; x++, from++, to++) {
        int p = data[from];
        int value =
            (((p >>> rs) & 255) * 77 + ((p >>> gs) & 255) * 150 + ((p >>> bs) & 255) * 29 + 128)
                >> 8;
        luma[to] = (byte) (alpha ? overWhite(value, p >>> 24) : value);
      }
    }
  }

  private static void fromRgbRows(BufferedImage image, int width, int height, byte[] luma) {
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int p = row[x];
        int value = (((p >> 16) & 255) * 77 + ((p >> 8) & 255) * 150 + (p & 255) * 29 + 128) >> 8;
        luma[y * width + x] = (byte) overWhite(value, p >>> 24);
      }
    }
  }

  private static boolean isRgbOrGrey(ColorModel colors) {
    int space = colors.getColorSpace().getType();
    int bands = colors.getNumColorComponents();
    for (int band = 0; band < colors.getNumComponents(); band++) {
      if (colors.getComponentSize(band) != 8) {
        return false;
      }
    }
    return (space == ColorSpace.TYPE_RGB && bands == 3)
        || (space == ColorSpace.TYPE_GRAY && bands == 1);
  }

  private static boolean isEightBitRgb(DirectColorModel colors) {
    return !colors.isAlphaPremultiplied()
        && colors.getColorSpace().getType() == ColorSpace.TYPE_RGB
        && Integer.bitCount(colors.getRedMask()) == 8
        && Integer.bitCount(colors.getGreenMask()) == 8
        && Integer.bitCount(colors.getBlueMask()) == 8
        && (!colors.hasAlpha() || colors.getAlphaMask() == 0xff000000);
  }

  private static int overWhite(int value, int alpha) {
    return (value * alpha + 255 * (255 - alpha) + 127) / 255;
  }

  /**
   * Returns this image averaged over square blocks of k by k pixels, k the largest whole number
   * that keeps the longer side at least {@code minSide} pixels long.
   */
  GreyImage reducedTo(int minSide) {
    int k = Math.max(width, height) / minSide;
    if (k <= 1 || Math.min(width, height) < k) {
      return this;
    }
    if (k == 2) {
      return halved();
    }
    int w = width / k;
    int h = height / k;
    byte[] out = new byte[w * h];
    int[] sums = new int[w];
    int area = k * k;
    for (int y = 0; y < h; y++) {
      Arrays.fill(sums, 0);
      for (int row = y * k * width, end = row + k * width; row < end; row += width) {
        for (int x = 0, from = row; x < w; x++) {
          for (int i = 0; i < k; i++, from++) {
            sums[x] += luma[from] & 255;
          }
        }
      }
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (byte) ((sums[x] + area / 2) / area);
      }
    }
    return new GreyImage(w, h, out);
  }

  private GreyImage halved() {
    int w = width / 2;
    int h = height / 2;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      int top = 2 * y * width;
      int below = top + width;
      for (int x = 0, o = y * w; x < w; x++, o++) {
        int sum =
            (luma[top + 2 * x] & 255)
                + (luma[top + 2 * x + 1] & 255)
                + (luma[below + 2 * x] & 255)
                + (luma[below + 2 * x + 1] & 255);
        out[o] = (byte) ((sum + 2) >> 2);
      }
    }
    return new GreyImage(w, h, out);
  }

  /** Returns this image enlarged {@code factor} times by bilinear interpolation. */
  GreyImage enlarged(double factor) {
    int w = (int) Math.round(width * factor);
    int h = (int) Math.round(height * factor);
    int[] x0 = new int[w];
    float[] fx = new float[w];
    for (int x = 0; x < w; x++) {
      float source = Math.max(0, Math.min(width - 1.001f, (float) ((x + 0.5) / factor - 0.5)));
      x0[x] = (int) source;
      fx[x] = source - x0[x];
    }
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      float source = Math.max(0, Math.min(height - 1.001f, (float) ((y + 0.5) / factor - 0.5)));
      int top = ((int) source) * width;
      int below = Math.min(height - 1, (int) source + 1) * width;
      float fy = source - (int) source;
      for (int x = 0; x < w; x++) {
        int right = Math.min(width - 1, x0[x] + 1);
        float upper = (luma[top + x0[x]] & 255) * (1 - fx[x]) + (luma[top + right] & 255) * fx[x];
        float lower =
            (luma[below + x0[x]] & 255) * (1 - fx[x]) + (luma[below + right] & 255) * fx[x];
        out[y * w + x] = (byte) (int) (upper * (1 - fy) + lower * fy + 0.5f);
      }
    }
    return new GreyImage(w, h, out);
  }

  /**
   * Returns this image with each pixel replaced by the mean of its 3 by 3 neighbourhood, edge
   * pixels repeated; three rows of sums at a time, so that it allocates little beyond the result.
   */
  GreyImage smoothed() {
    int[] above = new int[width];
    int[] middle = new int[width];
    int[] below = new int[width];
    rowSums(0, middle);
    System.arraycopy(middle, 0, above, 0, width);
    byte[] out = new byte[width * height];
    for (int y = 0; y < height; y++) {
      rowSums(Math.min(height - 1, y + 1), below);
      for (int x = 0, o = y * width; x < width; x++, o++) {
        out[o] = (byte) ((above[x] + middle[x] + below[x] + 4) / 9);
      }
      int[] spare = above;
      above = middle;
      middle = below;
      below = spare;
    }
    return new GreyImage(width, height, out);
  }

  private void rowSums(int y, int[] sums) {
    int row = y * width;
    for (int x = 0; x < width; x++) {
      int left = luma[row + Math.max(0, x - 1)] & 255;
      int right = luma[row + Math.min(width - 1, x + 1)] & 255;
      sums[x] = left + (luma[row + x] & 255) + right;
    }
  }

  /**
   * Returns this image with a Gaussian blur of {@code sigma} pixels partly undone: {@code
   * iterations} rounds of Van Cittert's method, each adding to the estimate what blurring it loses
   * against this image, kept between black and white.
   */
  GreyImage deblurred(float sigma, int iterations) {
    int n = width * height;
    float[] estimate = new float[n];
    for (int i = 0; i < n; i++) {
      estimate[i] = luma[i] & 255;
    }
    float[] blurred = new float[n];
    float[] kernel = gaussian(sigma);
    for (int round = 0; round < iterations; round++) {
      blur(estimate, blurred, kernel);
      for (int i = 0; i < n; i++) {
        estimate[i] = Math.max(0, Math.min(255, estimate[i] + (luma[i] & 255) - blurred[i]));
      }
    }
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (int) (estimate[i] + 0.5f);
    }
    return new GreyImage(width, height, out);
  }

  private static float[] gaussian(float sigma) {
    int radius = Math.max(1, (int) Math.ceil(2.5 * sigma));
    float[] kernel = new float[2 * radius + 1];
    float sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) Math.exp(-i * i / (2.0 * sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= sum;
    }
    return kernel;
  }

  /** Blurs {@code from} into {@code to} by {@code kernel} along rows, then along columns. */
  private void blur(float[] from, float[] to, float[] kernel) {
    int radius = kernel.length / 2;
    float[] row = new float[Math.max(width, height) + 2 * radius];
    for (int y = 0; y < height; y++) {
      int start = y * width;
      for (int x = -radius; x < width + radius; x++) {
        row[x + radius] = from[start + Math.max(0, Math.min(width - 1, x))];
      }
      for (int x = 0; x < width; x++) {
        float sum = 0;
        for (int k = 0; k < kernel.length; k++) {
          sum += kernel[k] * row[x + k];
        }
        to[start + x] = sum;
      }
    }
    for (int x = 0; x < width; x++) {
      for (int y = -radius; y < height + radius; y++) {
        row[y + radius] = to[Math.max(0, Math.min(height - 1, y)) * width + x];
      }
      for (int y = 0; y < height; y++) {
        float sum = 0;
        for (int k = 0; k < kernel.length; k++) {
          sum += kernel[k] * row[y + k];
        }
        to[y * width + x] = sum;
      }
    }
  }
}
