package vn.bhyt.verifier.card;

import com.google.zxing.common.PerspectiveTransform;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

/** A camera frame of a flat card: desk background, the card in perspective, optics and sensor. */
final class PhotoScene {

  private static final Color[][] DESKS = {
    {new Color(150, 105, 70), new Color(110, 75, 50)},
    {new Color(200, 200, 195), new Color(160, 160, 158)},
    {new Color(235, 235, 230), new Color(210, 212, 215)},
    {new Color(50, 55, 65), new Color(25, 28, 32)},
    {new Color(90, 120, 150), new Color(60, 80, 110)}
  };

  private final BufferedImage frame;
  private final int[] pixels;
  private final int width;
  private final int height;

  PhotoScene(int width, int height) {
    this.width = width;
    this.height = height;
    this.frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    this.pixels = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
  }

  BufferedImage frame() {
    return frame;
  }

  /** Paints a desk-like background with a few blurry objects on it. */
  void paintDesk(Random random) {
    Color[] desk = DESKS[random.nextInt(DESKS.length)];
    Graphics2D g = CardArt.smooth(frame.createGraphics());
    g.setPaint(new GradientPaint(0, 0, desk[0], width * random.nextFloat(), height, desk[1]));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 4; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 70));
      double w = width * (0.1 + 0.3 * random.nextDouble());
      double h = height * (0.1 + 0.3 * random.nextDouble());
      g.fill(
          new RoundRectangle2D.Double(
              random.nextDouble() * width - w / 2,
              random.nextDouble() * height - h / 2,
              w,
              h,
              w / 5,
              h / 5));
    }
    g.dispose();
  }

  /** Draws {@code card} so that its corners land on {@code corners} (x0,y0 .. x3,y3 clockwise). */
  void placeCard(BufferedImage card, float[] corners) {
    int cw = card.getWidth();
    int ch = card.getHeight();
    int[] src = card.getRGB(0, 0, cw, ch, null, 0, cw);
    PerspectiveTransform toCard = toCard(corners, cw, ch);
    int minY = Math.max(0, (int) Math.floor(min(corners, 1)));
    int maxY = Math.min(height - 1, (int) Math.ceil(max(corners, 1)));
    int minX = Math.max(0, (int) Math.floor(min(corners, 0)));
    int maxX = Math.min(width - 1, (int) Math.ceil(max(corners, 0)));
    float[] xs = new float[maxX - minX + 1];
    float[] ys = new float[xs.length];
    for (int y = minY; y <= maxY; y++) {
      for (int i = 0; i < xs.length; i++) {
        xs[i] = minX + i + 0.5f;
        ys[i] = y + 0.5f;
      }
      toCard.transformPoints(xs, ys);
      for (int i = 0; i < xs.length; i++) {
        float u = xs[i] - 0.5f;
        float v = ys[i] - 0.5f;
        if (u >= 0 && v >= 0 && u < cw - 1 && v < ch - 1) {
          pixels[y * width + minX + i] = bilinear(src, cw, u, v);
        }
      }
    }
  }

  private static PerspectiveTransform toCard(float[] c, int cardWidth, int cardHeight) {
    return PerspectiveTransform.quadrilateralToQuadrilateral(
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5],
        c[6],
        c[7],
        0,
        0,
        cardWidth,
        0,
        cardWidth,
        cardHeight,
        0,
        cardHeight);
  }

  private static int bilinear(int[] src, int stride, float u, float v) {
    int x = (int) u;
    int y = (int) v;
    float fx = u - x;
    float fy = v - y;
    int i = y * stride + x;
    int a = src[i];
    int b = src[i + 1];
    int c = src[i + stride];
    int d = src[i + stride + 1];
    int out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      float top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
      float bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
      out |= ((int) (top * (1 - fy) + bottom * fy + 0.5f)) << shift;
    }
    return out;
  }

  /** Draws a fingertip holding the card at {@code at}. */
  void paintFinger(Point2D at, double size, Random random) {
    Graphics2D g = CardArt.smooth(frame.createGraphics());
    g.setColor(
        new Color(200 + random.nextInt(30), 150 + random.nextInt(30), 120 + random.nextInt(30)));
    g.rotate(random.nextDouble() * Math.PI, at.getX(), at.getY());
    g.fill(new Ellipse2D.Double(at.getX() - size, at.getY() - size * 0.6, size * 2, size * 1.2));
    g.dispose();
  }

  private static float min(float[] corners, int offset) {
    float m = Float.MAX_VALUE;
    for (int i = offset; i < corners.length; i += 2) {
      m = Math.min(m, corners[i]);
    }
    return m;
  }

  private static float max(float[] corners, int offset) {
    float m = -Float.MAX_VALUE;
    for (int i = offset; i < corners.length; i += 2) {
      m = Math.max(m, corners[i]);
    }
    return m;
  }

  int[] pixels() {
    return pixels;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
