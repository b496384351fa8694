package vn.bhyt.bench;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.bhyt.verifier.card.CardPhotos;
import vn.bhyt.verifier.card.CardPhotos.Photo;
import vn.bhyt.verifier.card.ImageDecodeException;
import vn.bhyt.verifier.card.QrImageDecoder;

/**
 * Benchmark of reading card QR codes from generated photos: stock zxing as a typical integration
 * calls it after {@code ImageIO.read}, side by side with {@link QrImageDecoder}. Times include the
 * image decoding. Single-threaded; run by hand.
 *
 * <p>Usage: {@code PhotoDecodeBench [count [seed [set]]]}, by default 500 photos of seed 20240601
 * of the {@code standard} set ({@link CardPhotos#generate}); {@code harder} measures the harder set
 * ({@link CardPhotos#generateHarder}).
 */
public final class PhotoDecodeBench {

  private static final int DEFAULT_COUNT = 500;
  private static final long DEFAULT_SEED = 20240601L;

  /** A way of turning picture bytes into QR text, null when nothing was decoded. */
  private interface Decoder {
    String decode(byte[] bytes);
  }

  // A summary is printed, never compared: the array's identity equality is moot.
  @SuppressWarnings("ArrayRecordComponent")
  private record Summary(int decoded, int total, double[] sortedMillis) {
    double percentile(double p) {
      int index = (int) Math.ceil(p / 100 * sortedMillis.length) - 1;
      return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
    }

    double mean() {
      return Arrays.stream(sortedMillis).average().orElse(Double.NaN);
    }
  }

  private PhotoDecodeBench() {}

  /** Generates the photos, warms both decoders up, then measures and prints each. */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    printMachine();
    boolean harder = args.length > 2 && args[2].equals("harder");
    if (args.length > 2 && !harder && !args[2].equals("standard")) {
      throw new IllegalArgumentException("set: " + args[2] + " (expected: standard or harder)");
    }
    long start = System.nanoTime();
    List<Photo> photos =
        harder ? CardPhotos.generateHarder(seed, count) : CardPhotos.generate(seed, count);
    System.out.printf(
        "generated %d %s photos (seed %d) in %.1f s, %s%n",
        count,
        harder ? "harder" : "standard",
        seed,
        (System.nanoTime() - start) / 1e9,
        describe(photos));
    Decoder stock = PhotoDecodeBench::stockZxing;
    QrImageDecoder decoder = QrImageDecoder.withDefaults();
    Decoder ours =
        bytes -> {
          try {
            return decoder.decode(bytes);
          } catch (ImageDecodeException e) {
            return null;
          }
        };
    measure(photos, stock);
    measure(photos, ours);
    Summary stockSummary = measure(photos, stock);
    Summary ourSummary = measure(photos, ours);
    print(stockSummary, ourSummary);
  }

  private static String stockZxing(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      BinaryBitmap bitmap =
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      return new MultiFormatReader()
          .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
    } catch (IOException | ReaderException | RuntimeException e) {
      return null;
    }
  }

  private static Summary measure(List<Photo> photos, Decoder decoder) {
    double[] millis = new double[photos.size()];
    int decoded = 0;
    for (int i = 0; i < photos.size(); i++) {
      Photo photo = photos.get(i);
      long start = System.nanoTime();
      String text = decoder.decode(photo.bytes());
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (photo.payload().equals(text)) {
        decoded++;
      }
    }
    Arrays.sort(millis);
    return new Summary(decoded, photos.size(), millis);
  }

  private static void print(Summary stock, Summary ours) {
    System.out.printf(
        "%-16s %12s %9s %9s %9s %9s %9s%n",
        "decoder", "decoded", "median", "p90", "p99", "mean", "max");
    for (String name : new String[] {"stock zxing", "QrImageDecoder"}) {
      Summary s = name.equals("stock zxing") ? stock : ours;
      System.out.printf(
          "%-16s %5d/%-5d %6.1f%% %6.1f ms %6.1f ms %6.1f ms %6.1f ms %6.1f ms%n",
          name,
          s.decoded(),
          s.total(),
          100.0 * s.decoded() / s.total(),
          s.percentile(50),
          s.percentile(90),
          s.percentile(99),
          s.mean(),
          s.percentile(100));
    }
  }

  private static void printMachine() {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "machine: %d processors, %s %s %s; java %s (%s %s), max heap %d MB%n",
        runtime.availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        runtime.maxMemory() / (1024 * 1024));
  }

  private static String describe(List<Photo> photos) {
    long pixels = 0;
    long bytes = 0;
    Map<CardPhotos.Kind, Integer> kinds = new EnumMap<>(CardPhotos.Kind.class);
    for (Photo photo : photos) {
      pixels += (long) photo.width() * photo.height();
      bytes += photo.bytes().length;
      kinds.merge(photo.kind(), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    for (CardPhotos.Kind kind : CardPhotos.Kind.values()) {
      out.append(kind).append(' ').append(kinds.getOrDefault(kind, 0)).append(", ");
    }
    return out.append(
            String.format(
                "mean %.1f MP, mean %.0f kB",
                pixels / 1e6 / Math.max(1, photos.size()),
                bytes / 1024.0 / Math.max(1, photos.size())))
        .toString();
  }
}
