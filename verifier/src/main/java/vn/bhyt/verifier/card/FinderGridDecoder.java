package vn.bhyt.verifier.card;

import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.multi.qrcode.detector.MultiFinderPatternFinder;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;
import com.google.zxing.qrcode.detector.FinderPatternInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A QR decoder for photos taken at a slant, built on zxing's finder-pattern search but replacing
 * the steps that slant defeats: it accepts finder triples whose module sizes and angles differ
 * (zxing's choice wants them near-equal); it tries the grid sizes next to the one estimated from
 * the module size, which a blurred, tilted photo puts a few percent off; and when the alignment
 * pattern zxing finds does not give a decodable grid, it places the far corner where most timing
 * and alignment modules land on the right colour. One instance per binary image; not thread-safe.
 */
final class FinderGridDecoder extends Detector {

  private static final int[] DIMENSION_OFFSETS = {0, 4, -4, 8, -8};
  private static final int SEARCH_MODULES = 10;
  private static final int MAX_TRIPLES = 4;

  private final Map<DecodeHintType, ?> hints;
  private final Decoder decoder = new Decoder();
  private final @Nullable GreyImage grey;
  private final float greyScale;
  private final long deadline;

  FinderGridDecoder(BitMatrix image, Map<DecodeHintType, ?> hints) {
    this(image, hints, null, 1, Long.MAX_VALUE);
  }

  /**
   * A decoder that also reads the modules of each grid from {@code grey}, the picture {@code image}
   * was binarized from, deblurred ({@link DeblurredModules}) when the binarized modules do not
   * decode; a point of {@code image} is at {@code greyScale} times its coordinates in {@code grey}.
   * It gives up once {@link System#nanoTime()} passes {@code deadline}.
   */
  FinderGridDecoder(
      BitMatrix image,
      Map<DecodeHintType, ?> hints,
      @Nullable GreyImage grey,
      float greyScale,
      long deadline) {
    super(image);
    this.hints = hints;
    this.grey = grey;
    this.greyScale = greyScale;
    this.deadline = deadline;
  }

  private boolean overTime() {
    return deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0;
  }

  /** Returns the text of the first QR code that decodes, or null if none does. */
  @Nullable String decode() {
    List<FinderPattern> centres = new ArrayList<>();
    try {
      new MultiFinderPatternFinder(getImage(), point -> centres.add((FinderPattern) point))
          .findMulti(hints);
    } catch (NotFoundException e) {
      if (centres.size() < 3) {
        return null;
      }
    }
    for (FinderPatternInfo finders : FinderTriples.plausible(centres, MAX_TRIPLES)) {
      if (overTime()) {
        return null;
      }
      String text = decode(finders);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private @Nullable String decode(FinderPatternInfo finders) {
    float moduleSize =
        calculateModuleSize(finders.getTopLeft(), finders.getTopRight(), finders.getBottomLeft());
    if (!(moduleSize >= 1f)) {
      return null;
    }
    int estimate = estimateDimension(finders, moduleSize);
    for (int offset : DIMENSION_OFFSETS) {
      int dimension = estimate + offset;
      if (dimension >= 21 && dimension <= 177) {
        String text = decode(finders, moduleSize, dimension);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private @Nullable String decode(FinderPatternInfo finders, float moduleSize, int dimension) {
    float[] corner = parallelogramCorner(finders);
    AlignmentPattern alignment = findAlignment(finders, moduleSize, dimension);
    if (alignment != null) {
      float[] aligned = {dimension - 3.5f, dimension - 3.5f};
      transform(finders, dimension, alignment.getX(), alignment.getY(), dimension - 6.5f)
          .transformPoints(aligned);
      String text = sampleAndDecode(finders, aligned, dimension);
      if (text != null) {
        return text;
      }
    }
    float[] fitted = fitCorner(finders, dimension, corner);
    return sampleAndDecode(finders, fitted, dimension);
  }

  private static int estimateDimension(FinderPatternInfo finders, float moduleSize) {
    float across = ResultPoint.distance(finders.getTopLeft(), finders.getTopRight()) / moduleSize;
    float down = ResultPoint.distance(finders.getTopLeft(), finders.getBottomLeft()) / moduleSize;
    float modules = (across + down) / 2 + 7;
    return Math.round((modules - 17) / 4) * 4 + 17;
  }

  private static float[] parallelogramCorner(FinderPatternInfo finders) {
    ResultPoint topLeft = finders.getTopLeft();
    return new float[] {
      finders.getTopRight().getX() - topLeft.getX() + finders.getBottomLeft().getX(),
      finders.getTopRight().getY() - topLeft.getY() + finders.getBottomLeft().getY()
    };
  }

  private @Nullable AlignmentPattern findAlignment(
      FinderPatternInfo finders, float moduleSize, int dimension) {
    Version version = Version.getVersionForNumber((dimension - 17) / 4);
    if (version.getAlignmentPatternCenters().length == 0) {
      return null;
    }
    ResultPoint topLeft = finders.getTopLeft();
    float[] corner = parallelogramCorner(finders);
    float towardsCorner = 1f - 3f / (dimension - 7);
    int x = (int) (topLeft.getX() + towardsCorner * (corner[0] - topLeft.getX()));
    int y = (int) (topLeft.getY() + towardsCorner * (corner[1] - topLeft.getY()));
    for (int allowance = 4; allowance <= 16; allowance <<= 1) {
      try {
        return findAlignmentInRegion(moduleSize, x, y, allowance);
      } catch (NotFoundException e) {
        // none in this region: look in a wider one
      }
    }
    return null;
  }

  /**
   * Returns where the centre of the module diagonally opposite the top-left finder lies: the point
   * that puts most timing and alignment modules on the right colour, searched in module steps
   * around {@code start}, then in quarter-module steps.
   */
  private float[] fitCorner(FinderPatternInfo finders, int dimension, float[] start) {
    FunctionPatterns patterns = FunctionPatterns.forDimension(dimension);
    float[] scratch = new float[patterns.scratchLength()];
    int span = dimension - 7;
    ResultPoint topLeft = finders.getTopLeft();
    float ux = (finders.getTopRight().getX() - topLeft.getX()) / span;
    float uy = (finders.getTopRight().getY() - topLeft.getY()) / span;
    float vx = (finders.getBottomLeft().getX() - topLeft.getX()) / span;
    float vy = (finders.getBottomLeft().getY() - topLeft.getY()) / span;
    float[] best = start;
    for (float step : new float[] {1f, 0.25f}) {
      int reach = step == 1f ? SEARCH_MODULES : 4;
      float[] centre = best;
      int bestScore = -1;
      for (int a = -reach; a <= reach; a++) {
        for (int b = -reach; b <= reach; b++) {
          float x = centre[0] + (a * ux + b * vx) * step;
          float y = centre[1] + (a * uy + b * vy) * step;
          int score =
              patterns.score(
                  getImage(), transform(finders, dimension, x, y, dimension - 3.5f), scratch);
          if (score > bestScore) {
            bestScore = score;
            best = new float[] {x, y};
          }
        }
      }
    }
    return best;
  }

  private @Nullable String sampleAndDecode(
      FinderPatternInfo finders, float[] corner, int dimension) {
    PerspectiveTransform toImage =
        transform(finders, dimension, corner[0], corner[1], dimension - 3.5f);
    String text;
    try {
      text =
          decode(GridSampler.getInstance().sampleGrid(getImage(), dimension, dimension, toImage));
    } catch (ReaderException e) {
      text = null;
    }
    if (text == null && grey != null && !overTime()) {
      text = DeblurredModules.read(grey, greyScale, toImage, dimension, this::decode);
    }
    return text;
  }

  private @Nullable String decode(BitMatrix bits) {
    try {
      return decoder.decode(bits, hints).getText();
    } catch (ReaderException | RuntimeException e) {
      return null;
    }
  }

  private static PerspectiveTransform transform(
      FinderPatternInfo finders, int dimension, float cornerX, float cornerY, float cornerModule) {
    ResultPoint topLeft = finders.getTopLeft();
    ResultPoint topRight = finders.getTopRight();
    ResultPoint bottomLeft = finders.getBottomLeft();
    float far = dimension - 3.5f;
    return PerspectiveTransform.quadrilateralToQuadrilateral(
        3.5f,
        3.5f,
        far,
        3.5f,
        cornerModule,
        cornerModule,
        3.5f,
        far,
        topLeft.getX(),
        topLeft.getY(),
        topRight.getX(),
        topRight.getY(),
        cornerX,
        cornerY,
        bottomLeft.getX(),
        bottomLeft.getY());
  }
}
