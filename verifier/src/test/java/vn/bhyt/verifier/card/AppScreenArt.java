package vn.bhyt.verifier.card;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Screens of an insurance app (VssID, VNeID style) showing a card's QR code, as a screenshot. */
final class AppScreenArt {

  private static final int[][] SCREENS = {
    {720, 1600}, {828, 1792}, {1080, 2340}, {1080, 2400}, {1170, 2532}, {1284, 2778}
  };
  private static final Color[] BRANDS = {
    new Color(18, 100, 190), new Color(0, 140, 210), new Color(200, 30, 35)
  };

  private AppScreenArt() {}

  /** Renders a phone screen with the QR code at a size a phone app would use. */
  static BufferedImage screen(BitMatrix qr, Random random) {
    int[] size = SCREENS[random.nextInt(SCREENS.length)];
    int width = size[0];
    int height = size[1];
    boolean dark = random.nextInt(5) == 0;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = CardArt.smooth(image.createGraphics());
    g.setColor(dark ? new Color(24, 26, 30) : new Color(242, 244, 247));
    g.fillRect(0, 0, width, height);
    Color brand = BRANDS[random.nextInt(BRANDS.length)];
    paintBars(g, width, height, brand, random);
    int qrSide = (int) (width * (0.55 + 0.2 * random.nextDouble()));
    int panelTop = (int) (height * (0.2 + 0.08 * random.nextDouble()));
    paintPanel(g, width, panelTop, qrSide, random);
    drawQr(g, qr, (width - qrSide) / 2, panelTop + width / 8, qrSide, random.nextInt(3) == 0);
    g.setColor(dark ? new Color(220, 220, 225) : new Color(40, 44, 52));
    int textTop = panelTop + qrSide + width / 4 + width / 10 + width / 12;
    for (int line = 0; line < 5; line++) {
      CardArt.textLine(
          g,
          width / 12,
          textTop + line * width / 11,
          width * (0.5 + 0.35 * random.nextDouble()),
          width / 28.0,
          random);
    }
    g.dispose();
    return image;
  }

  private static void paintBars(Graphics2D g, int width, int height, Color brand, Random random) {
    g.setColor(brand);
    g.fillRect(0, 0, width, height / 10);
    g.setColor(Color.WHITE);
    CardArt.textLine(g, width / 20, height / 70, width * 0.25, height / 110.0, random);
    CardArt.textLine(g, width / 6, height / 20, width * 0.55, height / 55.0, random);
    g.setColor(new Color(250, 250, 252));
    g.fillRect(0, height - height / 12, width, height / 12);
    g.setColor(brand);
    for (int i = 0; i < 4; i++) {
      int x = width / 8 + i * width / 4 - width / 30;
      g.fillOval(x, height - height / 15, width / 15, width / 15);
    }
  }

  private static void paintPanel(Graphics2D g, int width, int top, int qrSide, Random random) {
    int margin = width / 20;
    int panelHeight = qrSide + width / 4 + width / 10;
    g.setColor(new Color(0, 0, 0, 30));
    g.fill(
        new RoundRectangle2D.Double(margin + 4, top + 6, width - 2 * margin, panelHeight, 40, 40));
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(margin, top, width - 2 * margin, panelHeight, 40, 40));
    g.setColor(new Color(60, 60, 70));
    CardArt.textLine(g, width / 4, top + width / 30, width * 0.5, width / 24.0, random);
  }

  private static void drawQr(
      Graphics2D g, BitMatrix qr, int left, int top, int side, boolean smooth) {
    BufferedImage modules = CardArt.plainQr(qr, 1);
    int quiet = side * 4 / qr.getWidth();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION,
        smooth
            ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
            : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(modules, left - quiet, top - quiet, side + 2 * quiet, side + 2 * quiet, null);
  }
}
