package vn.bhyt.verifier.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.sun.management.ThreadMXBean;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhyt.verifier.card.CardPhotos.Photo;
import vn.bhyt.verifier.card.ImageDecodeException.Reason;

class QrImageDecoderTest {

  private static final long PHOTO_SEED = 42;
  private static final int PHOTO_COUNT = 200;

  private final QrImageDecoder decoder = QrImageDecoder.withDefaults();

  @Test
  void decodesCleanPng() throws Exception {
    byte[] png = CardPhotos.cleanPng(CardPayloads.REAL_2021);

    assertThat(decoder.decode(png)).isEqualTo(CardPayloads.REAL_2021);
  }

  @Test
  void decodesAtLeast99PercentOfGeneratedPhotosFromSeveralThreads() throws Exception {
    List<Photo> photos = CardPhotos.generate(PHOTO_SEED, PHOTO_COUNT);
    List<Photo> failed = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Photo photo : photos) {
        results.add(pool.submit(() -> photo.payload().equals(decodeOrNull(photo.bytes()))));
      }
      for (int i = 0; i < photos.size(); i++) {
        if (!results.get(i).get()) {
          failed.add(photos.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(failed).as("photos not decoded to their payload").hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void photoSetIsTheSameForTheSameSeed() {
    Photo first = CardPhotos.photo(PHOTO_SEED, 7);
    Photo again = CardPhotos.photo(PHOTO_SEED, 7);

    assertThat(again.bytes()).isEqualTo(first.bytes());
    assertThat(again.payload()).isEqualTo(first.payload());
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
        BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED
      })
  void decodesPngOfEveryPixelLayout(int type) throws Exception {
    byte[] png = encode(qrOnTransparentOrWhite(type), "png");

    assertThat(decoder.decode(png)).isEqualTo(CardPayloads.REAL_2017);
  }

  @ParameterizedTest
  @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY})
  void decodesJpegInColourAndGrey(int type) throws Exception {
    byte[] jpeg = encode(qrOnTransparentOrWhite(type), "jpeg");

    assertThat(decoder.decode(jpeg)).isEqualTo(CardPayloads.REAL_2017);
  }

  @ParameterizedTest
  @ValueSource(strings = {"turned a quarter", "upside down", "mirrored", "light on dark"})
  void decodesCodesShownTurnedMirroredOrInverted(String view) throws Exception {
    BufferedImage straight = qrOnTransparentOrWhite(BufferedImage.TYPE_INT_RGB);
    int side = straight.getWidth();
    BufferedImage shown = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int rgb = straight.getRGB(x, y);
        switch (view) {
          case "turned a quarter" -> shown.setRGB(side - 1 - y, x, rgb);
          case "upside down" -> shown.setRGB(side - 1 - x, side - 1 - y, rgb);
          case "mirrored" -> shown.setRGB(side - 1 - x, y, rgb);
          default -> shown.setRGB(x, y, ~rgb);
        }
      }
    }

    assertThat(decoder.decode(encode(shown, "png"))).isEqualTo(CardPayloads.REAL_2017);
  }

  @Test
  void randomBytesAreUnreadable() {
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);

    assertReason(noise, Reason.UNREADABLE);
  }

  @Test
  void emptyArrayIsUnreadable() {
    assertReason(new byte[0], Reason.UNREADABLE);
  }

  @Test
  void gifIsUnreadable() throws Exception {
    assertReason(
        encode(qrOnTransparentOrWhite(BufferedImage.TYPE_BYTE_INDEXED), "gif"), Reason.UNREADABLE);
  }

  @Test
  void truncatedJpegIsUnreadableAndItsMessageHoldsNoPayload() {
    Photo photo = CardPhotos.photo(PHOTO_SEED, 1);
    byte[] truncated = Arrays.copyOf(photo.bytes(), photo.bytes().length * 2 / 3);

    assertThatThrownBy(() -> decoder.decode(truncated))
        .isInstanceOfSatisfying(
            ImageDecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
        .message()
        .doesNotContain(photo.payload().substring(0, 10));
  }

  @Test
  void truncatedPngIsUnreadable() {
    byte[] png = CardPhotos.cleanPng(CardPayloads.REAL_2021);

    assertReason(Arrays.copyOf(png, png.length / 2), Reason.UNREADABLE);
  }

  @Test
  void photoWithoutQrCodeHasNoQrCode() {
    assertReason(CardPhotos.photoWithoutQr(3), Reason.NO_QR_CODE);
  }

  @Test
  void hugePngIsReadSubsampledWithinBoundedMemory() throws Exception {
    byte[] png = CardPhotos.hugePng(CardPayloads.REAL_2021, 12_000);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    String text = decoder.decode(png);

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(text).isEqualTo(CardPayloads.REAL_2021);
    assertThat(allocated)
        .as("bytes allocated decoding a 576 MB picture")
        .isLessThan(200L * 1024 * 1024);
  }

  /** A 70-byte PNG declaring 199,000,000 × 1 pixels made the reader buffer a 597 MB row. */
  @Test
  void aTinyPngDeclaringAPictureNoPhoneTakesIsTooLargeBeforeAnyPixelIsRead() throws Exception {
    byte[] png = declaredPng(199_000_000, 1);
    assertThat(png.length).isLessThan(100);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> decoder.decode(png))
        .isInstanceOfSatisfying(
            ImageDecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated refusing it").isLessThan(16L * 1024 * 1024);
    assertReason(declaredPng(1, 20_000), Reason.TOO_LARGE);
  }

  /** A grey PNG whose header declares a size, with one compressed empty row of data. */
  private static byte[] declaredPng(int width, int height) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(new byte[] {0, 0});
    deflater.finish();
    byte[] idat = new byte[64];
    int n = deflater.deflate(idat);
    chunk(out, "IDAT", java.util.Arrays.copyOf(idat, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b.array(), 4, 4 + data.length);
    b.putInt((int) crc.getValue());
    out.write(b.array(), 0, b.capacity());
  }

  @Test
  void pictureDeclaringMorePixelsThanAllowedIsTooLarge() {
    byte[] png = CardPhotos.cleanPng(CardPayloads.REAL_2021);

    assertThatThrownBy(() -> new QrImageDecoder(10_000).decode(png))
        .isInstanceOfSatisfying(
            ImageDecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void rejectsNonPositivePixelLimit() {
    assertThatThrownBy(() -> new QrImageDecoder(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPixels: 0 (expected: >= 1)");
  }

  private String decodeOrNull(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (ImageDecodeException e) {
      return null;
    }
  }

  private void assertReason(byte[] bytes, Reason reason) {
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOfSatisfying(
            ImageDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static BufferedImage qrOnTransparentOrWhite(int type) {
    BufferedImage modules =
        CardArt.plainQr(CardArt.qr(CardPayloads.REAL_2017, ErrorCorrectionLevel.M), 5);
    BufferedImage image = new BufferedImage(modules.getWidth(), modules.getHeight(), type);
    Graphics2D g = image.createGraphics();
    if (image.getColorModel().hasAlpha()) {
      g.setComposite(AlphaComposite.Src);
      g.setColor(new Color(0, 0, 0, 0));
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int y = 0; y < modules.getHeight(); y++) {
        for (int x = 0; x < modules.getWidth(); x++) {
          if ((modules.getRGB(x, y) & 0xFF) < 128) {
            image.setRGB(x, y, 0xFF000000);
          }
        }
      }
    } else {
      g.drawImage(modules, 0, 0, null);
    }
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).as("writer for " + format).isTrue();
    return out.toByteArray();
  }
}
