package vn.bhyt.verifier.card;

import com.google.zxing.ResultPoint;
import com.google.zxing.qrcode.detector.FinderPattern;
import com.google.zxing.qrcode.detector.FinderPatternInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Choice of three finder-pattern candidates that could be the corners of one QR symbol. Looser than
 * zxing's own choice, which wants near-equal module sizes and a near-right angle and so rejects
 * symbols photographed at a slant.
 */
final class FinderTriples {

  private static final int MAX_CANDIDATES = 20;
  private static final float MAX_SIZE_RATIO = 1.8f;
  private static final float MAX_DISTORTION = 0.6f;

  // Triples are sorted and read, never compared or hashed: the array's identity equality is moot.
  @SuppressWarnings("ArrayRecordComponent")
  private record Triple(FinderPattern[] patterns, float distortion) {}

  private FinderTriples() {}

  /** Returns up to {@code limit} plausible triples, the most square first. */
  static List<FinderPatternInfo> plausible(List<FinderPattern> candidates, int limit) {
    List<FinderPattern> pool = candidates.subList(0, Math.min(candidates.size(), MAX_CANDIDATES));
    List<Triple> triples = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      for (int j = i + 1; j < pool.size(); j++) {
        for (int k = j + 1; k < pool.size(); k++) {
          Triple triple = triple(pool.get(i), pool.get(j), pool.get(k));
          if (triple != null) {
            triples.add(triple);
          }
        }
      }
    }
    triples.sort(Comparator.comparingDouble(Triple::distortion));
    List<FinderPatternInfo> out = new ArrayList<>();
    for (Triple triple : triples.subList(0, Math.min(limit, triples.size()))) {
      ResultPoint.orderBestPatterns(triple.patterns());
      out.add(new FinderPatternInfo(triple.patterns()));
    }
    return out;
  }

  private static @Nullable Triple triple(FinderPattern a, FinderPattern b, FinderPattern c) {
    float smallest =
        Math.min(
            a.getEstimatedModuleSize(),
            Math.min(b.getEstimatedModuleSize(), c.getEstimatedModuleSize()));
    float largest =
        Math.max(
            a.getEstimatedModuleSize(),
            Math.max(b.getEstimatedModuleSize(), c.getEstimatedModuleSize()));
    if (largest > smallest * MAX_SIZE_RATIO) {
      return null;
    }
    float[] sides = {squared(a, b), squared(b, c), squared(a, c)};
    Arrays.sort(sides);
    float module = (smallest + largest) / 2;
    float shortSide = (float) Math.sqrt(sides[0]) / module;
    if (shortSide < 10 || shortSide > 180) {
      return null;
    }
    float distortion =
        (Math.abs(sides[2] - 2 * sides[1]) + Math.abs(sides[2] - 2 * sides[0])) / sides[2];
    return distortion > MAX_DISTORTION
        ? null
        : new Triple(new FinderPattern[] {a, b, c}, distortion);
  }

  private static float squared(FinderPattern a, FinderPattern b) {
    float dx = a.getX() - b.getX();
    float dy = a.getY() - b.getY();
    return dx * dx + dy * dy;
  }
}
