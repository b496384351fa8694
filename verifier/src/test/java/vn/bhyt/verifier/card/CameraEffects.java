package vn.bhyt.verifier.card;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Random;

/** What a cheap camera does to a scene: defocus, uneven light, low contrast, colour cast, noise. */
final class CameraEffects {

  private static final float[] GAUSSIAN = gaussianTable(new Random(7), 4096);

  private final float contrast;
  private final float brightness;
  private final float[] tint;
  private final float gradient;
  private final float gradientAngle;
  private final float vignette;
  private final float[] shadow;
  private final float[] glare;
  private final float noise;
  private final float chroma;
  private final long noiseSeed;

  private CameraEffects(Random random, int width, int height, boolean harsh) {
    contrast = harsh ? 0.35f + 0.3f * random.nextFloat() : 0.5f + 0.5f * random.nextFloat();
    brightness = -30 + 50 * random.nextFloat();
    tint =
        new float[] {
          0.92f + 0.16f * random.nextFloat(),
          0.96f + 0.08f * random.nextFloat(),
          0.92f + 0.16f * random.nextFloat()
        };
    gradient = (harsh ? 0.6f : 0.45f) * random.nextFloat();
    gradientAngle = (float) (random.nextDouble() * 2 * Math.PI);
    vignette = (harsh ? 0.45f : 0.3f) * random.nextFloat();
    shadow =
        random.nextInt(harsh ? 3 : 5) == 0
            ? blob(random, width, height, 0.6f + 0.25f * random.nextFloat())
            : null;
    glare =
        random.nextInt(6) == 0 ? blob(random, width, height, 30 + 50 * random.nextFloat()) : null;
    noise = 1.5f + 6.5f * random.nextFloat();
    chroma = noise * 0.4f;
    noiseSeed = random.nextLong() | 1;
  }

  /** Draws random camera conditions for a frame of the given size. */
  static CameraEffects random(Random random, int width, int height) {
    return new CameraEffects(random, width, height, false);
  }

  /**
   * Draws harsher conditions: lower contrast (0.35 to 0.65 of the scene's), stronger light
   * gradients and vignetting, and shadows more often.
   */
  static CameraEffects harsh(Random random, int width, int height) {
    return new CameraEffects(random, width, height, true);
  }

  private static float[] blob(Random random, int width, int height, float strength) {
    float radius = (float) (Math.max(width, height) * (0.12 + 0.2 * random.nextDouble()));
    return new float[] {random.nextFloat() * width, random.nextFloat() * height, radius, strength};
  }

  /** Applies light, colour and sensor noise to the frame in place. */
  void expose(PhotoScene scene) {
    int width = scene.width();
    int[] pixels = scene.pixels();
    float[] light = new float[width];
    float[] flare = new float[width];
    long state = noiseSeed;
    for (int y = 0; y < scene.height(); y++) {
      lightRow(scene, y, light, flare);
      int row = y * width;
      for (int x = 0; x < width; x++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        float common = GAUSSIAN[(int) (state & 4095)] * noise + flare[x];
        int rgb = pixels[row + x];
        int out = 0;
        for (int c = 0; c < 3; c++) {
          int shift = 16 - 8 * c;
          float value =
              ((((rgb >> shift) & 255) - 128) * contrast + 128 + brightness) * light[x] * tint[c]
                  + common
                  + GAUSSIAN[(int) ((state >>> (12 + 12 * c)) & 4095)] * chroma;
          out |= Math.max(0, Math.min(255, (int) (value + 0.5f))) << shift;
        }
        pixels[row + x] = out;
      }
    }
  }

  private void lightRow(PhotoScene scene, int y, float[] light, float[] flare) {
    int width = scene.width();
    int height = scene.height();
    float dy = y - height / 2f;
    float cos = (float) Math.cos(gradientAngle) / width;
    float sin = (float) Math.sin(gradientAngle) / height;
    float diagonal2 = (width * (float) width + height * (float) height) / 4;
    for (int x = 0; x < width; x++) {
      float dx = x - width / 2f;
      light[x] =
          (1 - gradient * (0.5f + dx * cos + dy * sin))
              * (1 - vignette * (dx * dx + dy * dy) / diagonal2);
      flare[x] = 0;
    }
    if (shadow != null && Math.abs(y - shadow[1]) < 1.2f * shadow[2]) {
      for (int x = 0; x < width; x++) {
        float edge = Math.max(0, Math.min(1, (1.2f - distance(shadow, x, y)) / 0.4f));
        light[x] *= 1 - (1 - shadow[3]) * edge;
      }
    }
    if (glare != null && Math.abs(y - glare[1]) < 3 * glare[2]) {
      int from = Math.max(0, (int) (glare[0] - 3 * glare[2]));
      int to = Math.min(width, (int) (glare[0] + 3 * glare[2]));
      for (int x = from; x < to; x++) {
        float d = distance(glare, x, y);
        flare[x] = glare[3] * (float) Math.exp(-d * d);
      }
    }
  }

  private static float distance(float[] blob, int x, int y) {
    float dx = (x - blob[0]) / blob[2];
    float dy = (y - blob[1]) / blob[2];
    return (float) Math.sqrt(dx * dx + dy * dy);
  }

  /** Returns {@code image} (TYPE_INT_RGB) with a Gaussian blur of {@code sigma} pixels. */
  static BufferedImage blur(BufferedImage image, double sigma) {
    if (sigma < 0.2) {
      return image;
    }
    float[] weights = kernel(sigma);
    ConvolveOp horizontal =
        new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null);
    ConvolveOp vertical =
        new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null);
    return vertical.filter(horizontal.filter(image, null), null);
  }

  private static float[] kernel(double sigma) {
    int radius = (int) Math.ceil(sigma * 2.5);
    float[] kernel = new float[2 * radius + 1];
    float sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= sum;
    }
    return kernel;
  }

  private static float[] gaussianTable(Random random, int size) {
    float[] table = new float[size];
    for (int i = 0; i < size; i++) {
      table[i] = (float) random.nextGaussian();
    }
    return table;
  }
}
