package vn.bhyt.verifier.card;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Generated pictures of health-insurance cards as a hospital receives them: phone or webcam photos
 * of the paper card and screenshots of the insurance apps, each with the payload its QR code
 * carries. The same seed and index always give the same bytes.
 *
 * <p>About 85% are camera photos: 640x480 to 4000x3000 (a third of phone shots in portrait), the
 * card 45% to 95% of the frame wide, turned up to 30 degrees, tilted (one edge up to 20% shorter),
 * slightly defocused, lit unevenly (gradient, vignette, sometimes a shadow or a glare spot), low
 * contrast, colour cast, sensor noise, sometimes a fingertip on a corner; saved as JPEG of quality
 * 45 to 92 (60 at least when a module is under 3.5 pixels), or as PNG for webcam frames. A QR
 * module is never under 2.6 pixels. The rest are app screenshots (PNG, or JPEG reduced as a chat
 * app shares them), some in dark mode.
 */
public final class CardPhotos {

  /** How a picture was taken and stored. */
  public enum Kind {
    CAMERA_JPEG,
    CAMERA_PNG,
    SCREENSHOT_PNG,
    SCREENSHOT_JPEG
  }

  /** One generated picture and the QR payload it shows. */
  public record Photo(int index, Kind kind, int width, int height, String payload, byte[] bytes) {
    @Override
    public String toString() {
      return "Photo["
          + index
          + ", "
          + kind
          + ", "
          + width
          + "x"
          + height
          + ", "
          + bytes.length
          + " bytes]";
    }
  }

  private static final int[][] CAMERA_FRAMES = {
    {640, 480},
    {800, 600},
    {1280, 720},
    {1280, 720},
    {1280, 960},
    {1600, 1200},
    {1600, 1200},
    {1920, 1080},
    {1920, 1080},
    {2048, 1536},
    {2592, 1944},
    {3264, 2448},
    {4000, 3000}
  };
  private static final int WEBCAM_FRAMES = 5;
  private static final double SCREENSHOT_SHARE = 0.15;
  private static final double WEBCAM_PNG_SHARE = 0.085;
  private static final double MIN_MODULE_PX = 2.6;
  private static final int[][] HARDER_FRAMES = {
    {640, 480}, {800, 600}, {1280, 720}, {1280, 960}, {1600, 1200}, {1920, 1080}
  };
  private static final int HARDER_RENDER_MODULE = 6;
  private static final double HARDER_MIN_BLUR = 0.3;
  private static final double HARDER_MAX_BLUR = 1.6;

  private CardPhotos() {}

  /** Returns {@code count} pictures for {@code seed}, indexes 0 to count - 1. */
  public static List<Photo> generate(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    return IntStream.range(0, count).parallel().mapToObj(i -> photo(seed, i)).toList();
  }

  /** Returns picture number {@code index} of the set for {@code seed}. */
  public static Photo photo(long seed, int index) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
    String payload =
        index % 10 == 0
            ? (index % 20 == 0 ? CardPayloads.REAL_2021 : CardPayloads.REAL_2017)
            : CardPayloads.random(random);
    double level = random.nextDouble();
    BitMatrix qr =
        CardArt.qr(
            payload,
            level < 0.5
                ? ErrorCorrectionLevel.M
                : level < 0.9 ? ErrorCorrectionLevel.L : ErrorCorrectionLevel.Q);
    double kind = random.nextDouble();
    if (kind < SCREENSHOT_SHARE) {
      return screenshot(index, payload, qr, random);
    }
    return camera(index, payload, qr, random, kind < SCREENSHOT_SHARE + WEBCAM_PNG_SHARE);
  }

  /**
   * Returns {@code count} pictures of the harder set for {@code seed}, indexes 0 to count - 1:
   * camera photos as an outside test set takes them, each with every difficulty at once. The QR
   * code has 2.8 to 3.6 pixels per module in frames of 640x480 to 1920x1080 (the next larger frame
   * when the code would not fit wholly in the one drawn); the card is turned 20 to 30 degrees
   * either way in seven photos out of ten (up to 30 in the rest), in perspective (one edge up to
   * 15% shorter, the next up to 8%, each corner moved by up to 1.5% of the card's width), defocused
   * by a Gaussian of 0.3 to 1.6 pixels (sigma, in the photo's pixels; half a module at the most),
   * lit with contrast of 0.35 to 0.65, strong gradients, vignetting and shadows, with sensor noise;
   * saved as JPEG of quality 45 to 95. The same seed and index always give the same bytes.
   */
  public static List<Photo> generateHarder(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    return IntStream.range(0, count).parallel().mapToObj(i -> harderPhoto(seed, i)).toList();
  }

  /**
   * Returns {@code count} pictures of the harder set for {@code seed} but defocused by a Gaussian
   * of {@code minBlur} to {@code maxBlur} pixels (sigma) rather than the set's own range; every
   * other draw is the same as in {@link #generateHarder}.
   */
  public static List<Photo> generateHarder(long seed, int count, double minBlur, double maxBlur) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    return IntStream.range(0, count)
        .parallel()
        .mapToObj(i -> harderPhoto(seed, i, minBlur, maxBlur))
        .toList();
  }

  /** Returns picture number {@code index} of the harder set for {@code seed}. */
  public static Photo harderPhoto(long seed, int index) {
    return harderPhoto(seed, index, HARDER_MIN_BLUR, HARDER_MAX_BLUR);
  }

  /**
   * Returns picture number {@code index} of the harder set for {@code seed}, defocused by a
   * Gaussian of {@code minBlur} to {@code maxBlur} pixels.
   */
  public static Photo harderPhoto(long seed, int index, double minBlur, double maxBlur) {
    if (!(minBlur > 0 && maxBlur >= minBlur)) {
      throw new IllegalArgumentException(
          "blur: " + minBlur + " to " + maxBlur + " (expected: 0 < min <= max)");
    }
    Random random = new Random(seed * 0xD1B54A32D192ED03L + index * 0x94D049BB133111EBL + 1);
    String payload =
        index % 10 == 0
            ? (index % 20 == 0 ? CardPayloads.REAL_2021 : CardPayloads.REAL_2017)
            : CardPayloads.random(random);
    BitMatrix qr =
        CardArt.qr(payload, random.nextBoolean() ? ErrorCorrectionLevel.M : ErrorCorrectionLevel.L);
    int first = random.nextInt(HARDER_FRAMES.length);
    boolean portrait = random.nextInt(10) < 3;
    double qrFraction = 0.30 + 0.07 * random.nextDouble();
    double modulePx = 2.8 + 0.8 * random.nextDouble();
    double cardWidth = modulePx * qr.getWidth() / qrFraction;
    CardArt.Card card = CardArt.card(qr, HARDER_RENDER_MODULE, qrFraction, random);
    double scale = cardWidth / card.image().getWidth();
    double sigma = minBlur + (maxBlur - minBlur) * random.nextDouble();
    float[] corners = null;
    int[] frame = HARDER_FRAMES[first];
    for (int f = first; corners == null; f++) {
      frame = HARDER_FRAMES[Math.min(f, HARDER_FRAMES.length - 1)];
      if (portrait) {
        frame = new int[] {frame[1], frame[0]};
      }
      corners = harderCorners(frame, card, cardWidth, random, f >= HARDER_FRAMES.length - 1);
    }
    PhotoScene scene = new PhotoScene(frame[0], frame[1]);
    scene.paintDesk(random);
    scene.placeCard(CameraEffects.blur(card.image(), sigma / scale), corners);
    if (random.nextInt(4) == 0) {
      scene.paintFinger(farthestCorner(corners, card, scene), cardWidth * 0.1, random);
    }
    CameraEffects.harsh(random, scene.width(), scene.height()).expose(scene);
    byte[] bytes = jpeg(scene.frame(), 45 + random.nextInt(51));
    return photo(index, Kind.CAMERA_JPEG, scene.frame(), payload, bytes);
  }

  /** Returns a clean PNG of the QR code for {@code payload}, 6 pixels per module. */
  public static byte[] cleanPng(String payload) {
    return png(CardArt.plainQr(CardArt.qr(payload, ErrorCorrectionLevel.M), 6));
  }

  /**
   * Returns a camera JPEG of {@code width} by {@code height} showing the card with the QR code of
   * {@code payload}, drawn with the set's camera conditions for {@code seed}.
   */
  public static Photo cameraPhoto(long seed, int width, int height, String payload) {
    Random random = new Random(seed);
    BitMatrix qr = CardArt.qr(payload, ErrorCorrectionLevel.M);
    return camera(-1, payload, qr, random, new int[] {width, height}, false);
  }

  /** Returns a camera photo of a card whose QR code area is left blank. */
  public static byte[] photoWithoutQr(long seed) {
    Random random = new Random(seed);
    return camera(-1, "", new BitMatrix(65), random, false).bytes();
  }

  /**
   * Returns an 8-bit RGB PNG of {@code side} by {@code side} pixels, white but for the QR code of
   * {@code payload} drawn over its middle third. The picture is written row by row, so it never
   * exists decoded in memory; a 12,000 pixel side compresses to about a megabyte.
   */
  public static byte[] hugePng(String payload, int side) {
    BitMatrix qr = CardArt.qr(payload, ErrorCorrectionLevel.M);
    int modulePx = side / 3 / qr.getWidth();
    int origin = (side - modulePx * qr.getWidth()) / 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side);
      header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
      pngChunk(out, "IHDR", header.array());
      pngChunk(out, "IDAT", hugeRows(qr, side, modulePx, origin));
      pngChunk(out, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] hugeRows(BitMatrix qr, int side, int modulePx, int origin)
      throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream zip = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      byte[] row = new byte[1 + 3 * side];
      for (int y = 0; y < side; y++) {
        Arrays.fill(row, (byte) 255);
        row[0] = 0;
        int moduleY = Math.floorDiv(y - origin, modulePx);
        for (int x = 0; x < side && moduleY >= 0 && moduleY < qr.getHeight(); x++) {
          int moduleX = Math.floorDiv(x - origin, modulePx);
          if (moduleX >= 0 && moduleX < qr.getWidth() && qr.get(moduleX, moduleY)) {
            row[1 + 3 * x] = 0;
            row[2 + 3 * x] = 0;
            row[3 + 3 * x] = 0;
          }
        }
        zip.write(row);
      }
    } finally {
      deflater.end();
    }
    return compressed.toByteArray();
  }

  private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(name);
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static Photo screenshot(int index, String payload, BitMatrix qr, Random random) {
    BufferedImage screen = AppScreenArt.screen(qr, random);
    if (random.nextInt(10) < 7) {
      return photo(index, Kind.SCREENSHOT_PNG, screen, payload, png(screen));
    }
    double scale = (1280 + random.nextInt(400)) / (double) screen.getHeight();
    BufferedImage shared = scaled(screen, scale);
    byte[] bytes = jpeg(shared, 70 + random.nextInt(21));
    return photo(index, Kind.SCREENSHOT_JPEG, shared, payload, bytes);
  }

  private static Photo camera(int index, String payload, BitMatrix qr, Random random, boolean png) {
    int[] frame = CAMERA_FRAMES[random.nextInt(png ? WEBCAM_FRAMES : CAMERA_FRAMES.length)];
    boolean portrait = !png && random.nextInt(10) < 3;
    return camera(
        index, payload, qr, random, portrait ? new int[] {frame[1], frame[0]} : frame, png);
  }

  private static Photo camera(
      int index, String payload, BitMatrix qr, Random random, int[] frame, boolean png) {
    boolean portrait = frame[1] > frame[0];
    PhotoScene scene = new PhotoScene(frame[0], frame[1]);
    double qrFraction = 0.30 + 0.07 * random.nextDouble();
    double cardWidth =
        scene.width()
            * (portrait ? 0.65 + 0.3 * random.nextDouble() : 0.45 + 0.47 * random.nextDouble());
    double modulePx = cardWidth * qrFraction / qr.getWidth();
    if (modulePx < MIN_MODULE_PX) {
      modulePx = MIN_MODULE_PX;
      cardWidth = modulePx * qr.getWidth() / qrFraction;
    }
    int renderModule = Math.max(3, (int) Math.round(modulePx));
    CardArt.Card card = CardArt.card(qr, renderModule, qrFraction, random);
    double scale = cardWidth / card.image().getWidth();
    double sigma = 0.3 + random.nextDouble() * (Math.min(1.5, 0.3 * modulePx) - 0.3);
    scene.paintDesk(random);
    float[] corners = corners(scene, card, cardWidth, random);
    scene.placeCard(CameraEffects.blur(card.image(), sigma / scale), corners);
    if (random.nextInt(4) == 0) {
      scene.paintFinger(farthestCorner(corners, card, scene), cardWidth * 0.1, random);
    }
    CameraEffects.random(random, scene.width(), scene.height()).expose(scene);
    int quality = Math.max(modulePx < 3.5 ? 60 : 45, 45 + random.nextInt(48));
    byte[] bytes = png ? png(scene.frame()) : jpeg(scene.frame(), quality);
    return photo(index, png ? Kind.CAMERA_PNG : Kind.CAMERA_JPEG, scene.frame(), payload, bytes);
  }

  private static float[] corners(
      PhotoScene scene, CardArt.Card card, double cardWidth, Random random) {
    double cardHeight = cardWidth / CardArt.CARD_ASPECT;
    double[] base = {
      -cardWidth / 2,
      -cardHeight / 2,
      cardWidth / 2,
      -cardHeight / 2,
      cardWidth / 2,
      cardHeight / 2,
      -cardWidth / 2,
      cardHeight / 2
    };
    keystone(base, random.nextInt(4), 0.8 + 0.2 * random.nextDouble());
    for (int i = 0; i < base.length; i++) {
      base[i] += (random.nextDouble() - 0.5) * 0.04 * cardWidth;
    }
    double angle = Math.toRadians(-30 + 60 * random.nextDouble());
    double slackX = random.nextDouble() - 0.5;
    double slackY = random.nextDouble() - 0.5;
    for (int attempt = 0; ; attempt++) {
      double shrink = Math.pow(0.7, attempt);
      float[] corners =
          place(
              base,
              angle * (attempt < 6 ? 1 : 0),
              scene.width() / 2.0 + slackX * shrink * scene.width() * 0.4,
              scene.height() / 2.0 + slackY * shrink * scene.height() * 0.4);
      if (attempt >= 7 || qrInside(corners, card, scene)) {
        return corners;
      }
    }
  }

  /**
   * Returns where the card's corners land in a frame of {@code frame} pixels, or null if its QR
   * code would not lie wholly inside it, unless {@code anyway}.
   */
  private static float @Nullable [] harderCorners(
      int[] frame, CardArt.Card card, double cardWidth, Random random, boolean anyway) {
    double cardHeight = cardWidth / CardArt.CARD_ASPECT;
    double[] base = {
      -cardWidth / 2,
      -cardHeight / 2,
      cardWidth / 2,
      -cardHeight / 2,
      cardWidth / 2,
      cardHeight / 2,
      -cardWidth / 2,
      cardHeight / 2
    };
    int side = random.nextInt(4);
    keystone(base, side, 0.85 + 0.15 * random.nextDouble());
    keystone(base, (side + 1) % 4, 0.92 + 0.08 * random.nextDouble());
    for (int i = 0; i < base.length; i++) {
      base[i] += (random.nextDouble() - 0.5) * 0.03 * cardWidth;
    }
    double degrees =
        random.nextInt(10) < 7
            ? (random.nextBoolean() ? 1 : -1) * (20 + 10 * random.nextDouble())
            : -30 + 60 * random.nextDouble();
    double angle = Math.toRadians(degrees);
    double slackX = random.nextDouble() - 0.5;
    double slackY = random.nextDouble() - 0.5;
    for (int attempt = 0; ; attempt++) {
      double shrink = Math.pow(0.7, attempt);
      float[] corners =
          place(
              base,
              angle,
              frame[0] / 2.0 + slackX * shrink * frame[0] * 0.4,
              frame[1] / 2.0 + slackY * shrink * frame[1] * 0.4);
      if (qrInside(corners, card, frame[0], frame[1])) {
        return corners;
      }
      if (attempt >= 7) {
        return anyway ? corners : null;
      }
    }
  }

  private static void keystone(double[] corners, int side, double factor) {
    int a = side * 2;
    int b = (side * 2 + 2) % 8;
    double midX = (corners[a] + corners[b]) / 2;
    double midY = (corners[a + 1] + corners[b + 1]) / 2;
    for (int i : new int[] {a, b}) {
      corners[i] = midX + (corners[i] - midX) * factor;
      corners[i + 1] = midY + (corners[i + 1] - midY) * factor;
    }
  }

  private static float[] place(double[] base, double angle, double centerX, double centerY) {
    float[] out = new float[8];
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    for (int i = 0; i < 8; i += 2) {
      out[i] = (float) (centerX + base[i] * cos - base[i + 1] * sin);
      out[i + 1] = (float) (centerY + base[i] * sin + base[i + 1] * cos);
    }
    return out;
  }

  private static boolean qrInside(float[] corners, CardArt.Card card, PhotoScene scene) {
    return qrInside(corners, card, scene.width(), scene.height());
  }

  private static boolean qrInside(float[] corners, CardArt.Card card, int width, int height) {
    Rectangle qr = card.qr();
    int quiet = qr.width / 12;
    float[] points = {
      qr.x - quiet,
      qr.y - quiet,
      qr.x + qr.width + quiet,
      qr.y - quiet,
      qr.x + qr.width + quiet,
      qr.y + qr.height + quiet,
      qr.x - quiet,
      qr.y + qr.height + quiet
    };
    toPhoto(corners, card).transformPoints(points);
    for (int i = 0; i < 8; i += 2) {
      if (points[i] < 2
          || points[i + 1] < 2
          || points[i] > width - 3
          || points[i + 1] > height - 3) {
        return false;
      }
    }
    return true;
  }

  private static Point2D farthestCorner(float[] corners, CardArt.Card card, PhotoScene scene) {
    Rectangle qr = card.qr();
    float[] center = {(float) qr.getCenterX(), (float) qr.getCenterY()};
    toPhoto(corners, card).transformPoints(center);
    int best = 0;
    for (int i = 2; i < 8; i += 2) {
      if (Point2D.distance(corners[i], corners[i + 1], center[0], center[1])
          > Point2D.distance(corners[best], corners[best + 1], center[0], center[1])) {
        best = i;
      }
    }
    return new Point2D.Float(corners[best], corners[best + 1]);
  }

  private static PerspectiveTransform toPhoto(float[] corners, CardArt.Card card) {
    int w = card.image().getWidth();
    int h = card.image().getHeight();
    return PerspectiveTransform.quadrilateralToQuadrilateral(
        0,
        0,
        w,
        0,
        w,
        h,
        0,
        h,
        corners[0],
        corners[1],
        corners[2],
        corners[3],
        corners[4],
        corners[5],
        corners[6],
        corners[7]);
  }

  private static Photo photo(
      int index, Kind kind, BufferedImage image, String payload, byte[] bytes) {
    return new Photo(index, kind, image.getWidth(), image.getHeight(), payload, bytes);
  }

  private static BufferedImage scaled(BufferedImage image, double scale) {
    int width = (int) Math.round(image.getWidth() * scale);
    int height = (int) Math.round(image.getHeight() * scale);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] jpeg(BufferedImage image, int quality) {
    return jpegOfBgr(bgr(image), quality);
  }

  private static BufferedImage bgr(BufferedImage rgb) {
    int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    BufferedImage out =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] bytes = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
      bytes[j] = (byte) pixels[i];
      bytes[j + 1] = (byte) (pixels[i] >> 8);
      bytes[j + 2] = (byte) (pixels[i] >> 16);
    }
    return out;
  }

  private static byte[] jpegOfBgr(BufferedImage image, int quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
