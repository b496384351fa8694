package vn.bhyt.verifier.card;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/** Flat artwork of an insurance card and of an insurance app screen, each carrying a QR code. */
final class CardArt {

  /** Width over height of an ID-1 card. */
  static final double CARD_ASPECT = 85.6 / 53.98;

  /** A rendered card and where its QR code (without quiet zone) sits on it. */
  record Card(BufferedImage image, Rectangle qr) {}

  private CardArt() {}

  /** Returns the QR modules of {@code payload}, one matrix cell per module, no quiet zone. */
  static BitMatrix qr(String payload, ErrorCorrectionLevel level) {
    try {
      return new QRCodeWriter()
          .encode(
              payload,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("payload does not fit a QR code", e);
    }
  }

  /** Returns the QR code drawn black on white with a 4-module quiet zone. */
  static BufferedImage plainQr(BitMatrix qr, int modulePx) {
    int side = (qr.getWidth() + 8) * modulePx;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, side, side);
    drawModules(g, qr, 4 * modulePx, 4 * modulePx, modulePx);
    g.dispose();
    return image;
  }

  /**
   * Renders a paper card at {@code modulePx} pixels per QR module, the QR that share of its width.
   */
  static Card card(BitMatrix qr, int modulePx, double qrFraction, Random random) {
    int qrSide = qr.getWidth() * modulePx;
    int width = (int) Math.round(qrSide / qrFraction);
    int height = (int) Math.round(width / CARD_ASPECT);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = smooth(image.createGraphics());
    paintPaper(g, width, height, random);
    int header = (int) (height * 0.17);
    paintHeader(g, width, header, random);
    boolean qrLeft = random.nextInt(4) != 0;
    int quiet = 3 * modulePx;
    int qrX = qrLeft ? quiet + width / 30 : width - width / 30 - quiet - qrSide;
    int qrY = header + (height - header - qrSide) / 2;
    g.setColor(Color.WHITE);
    g.fillRect(qrX - quiet, qrY - quiet, qrSide + 2 * quiet, qrSide + 2 * quiet);
    drawModules(g, qr, qrX, qrY, modulePx);
    int textX = qrLeft ? qrX + qrSide + quiet + width / 25 : width / 20;
    int textWidth = qrLeft ? width - textX - width / 25 : qrX - quiet - textX - width / 25;
    paintTextBlock(g, textX, header + height / 16, textWidth, height - header, random);
    g.setColor(new Color(120, 130, 150));
    g.setStroke(new BasicStroke(Math.max(1f, width / 400f)));
    g.draw(new RoundRectangle2D.Double(0, 0, width - 1, height - 1, width / 20.0, width / 20.0));
    g.dispose();
    return new Card(image, new Rectangle(qrX, qrY, qrSide, qrSide));
  }

  private static void paintPaper(Graphics2D g, int width, int height, Random random) {
    g.setColor(
        new Color(236 + random.nextInt(20), 238 + random.nextInt(18), 240 + random.nextInt(16)));
    g.fillRect(0, 0, width, height);
    Color line = new Color(170 + random.nextInt(50), 195 + random.nextInt(40), 225, 90);
    g.setColor(line);
    g.setStroke(new BasicStroke(Math.max(1f, width / 700f)));
    double period = width / (4.0 + random.nextInt(5));
    for (int i = 0; i < 28; i++) {
      Path2D.Double wave = new Path2D.Double();
      double offset = i * height / 24.0;
      double phase = random.nextDouble() * Math.PI * 2;
      wave.moveTo(0, offset);
      for (int x = 0; x <= width; x += Math.max(2, width / 120)) {
        wave.lineTo(x, offset + Math.sin(x / period * 2 * Math.PI + phase) * height / 18.0);
      }
      g.draw(wave);
    }
  }

  private static void paintHeader(Graphics2D g, int width, int header, Random random) {
    Color[] bands = {new Color(20, 90, 170), new Color(0, 120, 190), new Color(190, 30, 45)};
    g.setColor(bands[random.nextInt(bands.length)]);
    g.fillRect(0, 0, width, header);
    int emblem = (int) (header * 0.8);
    g.setColor(new Color(210, 30, 30));
    g.fill(new Ellipse2D.Double(width / 40.0, header * 0.1, emblem, emblem));
    g.setColor(new Color(250, 210, 40));
    g.fill(star(width / 40.0 + emblem / 2.0, header * 0.1 + emblem / 2.0, emblem * 0.35));
    g.setColor(new Color(245, 245, 250));
    int textX = width / 40 + emblem + width / 30;
    textLine(g, textX, (int) (header * 0.18), width * 0.7, header * 0.26, random);
    textLine(g, textX, (int) (header * 0.58), width * 0.5, header * 0.24, random);
  }

  private static Path2D star(double cx, double cy, double radius) {
    Path2D.Double star = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? radius : radius * 0.4;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      if (i == 0) {
        star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
      } else {
        star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
      }
    }
    star.closePath();
    return star;
  }

  private static void paintTextBlock(
      Graphics2D g, int x, int y, int width, int height, Random random) {
    double lineHeight = height / 14.0;
    g.setColor(new Color(200, 30, 40));
    textLine(g, x, y, width * 0.9, lineHeight * 1.3, random);
    g.setColor(
        new Color(25 + random.nextInt(40), 25 + random.nextInt(40), 40 + random.nextInt(50)));
    for (int line = 1; line < 8; line++) {
      int top = (int) (y + lineHeight * 0.4 + line * lineHeight * 1.55);
      textLine(g, x, top, width * (0.45 + 0.5 * random.nextDouble()), lineHeight, random);
    }
  }

  /** Draws a row of glyph-like marks standing in for printed text. */
  static void textLine(Graphics2D g, int x, int y, double width, double height, Random random) {
    double glyph = height * 0.58;
    double cursor = x;
    while (cursor < x + width - glyph) {
      int letters = 2 + random.nextInt(6);
      for (int i = 0; i < letters && cursor < x + width - glyph; i++) {
        double tall = height * (0.55 + 0.45 * random.nextDouble());
        double stroke = glyph * (0.25 + 0.5 * random.nextDouble());
        g.fill(new Rectangle2D.Double(cursor, y + height - tall, stroke, tall));
        g.fill(
            new Rectangle2D.Double(
                cursor, y + height - tall * 0.5, glyph * 0.8, Math.max(1, height * 0.12)));
        cursor += glyph;
      }
      cursor += glyph * 0.7;
    }
  }

  static void drawModules(Graphics2D g, BitMatrix qr, int left, int top, int modulePx) {
    g.setColor(Color.BLACK);
    for (int y = 0; y < qr.getHeight(); y++) {
      for (int x = 0; x < qr.getWidth(); x++) {
        if (qr.get(x, y)) {
          g.fillRect(left + x * modulePx, top + y * modulePx, modulePx, modulePx);
        }
      }
    }
  }

  static Graphics2D smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    return g;
  }
}
