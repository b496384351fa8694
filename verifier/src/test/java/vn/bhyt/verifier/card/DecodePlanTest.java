package vn.bhyt.verifier.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class DecodePlanTest {

  @Test
  void aPictureSearchedForDefocusedCodesCountsItsEnlargedAndDeblurredCopies() throws IOException {
    DecodePlan frame = plan(DeclaredPictures.png(1920, 1080));
    DecodePlan larger = plan(DeclaredPictures.png(2048, 1536));

    long framePixels = 1920L * 1080;
    long largerPixels = 2048L * 1536;
    assertThat(frame.bytes())
        .isGreaterThanOrEqualTo(
            framePixels
                * (DecodePlan.SEARCH_BYTES_PER_PIXEL + DecodePlan.DEBLURRED_BYTES_PER_PIXEL));
    assertThat(larger.bytes())
        .as("a picture of more than 1920 by 1080, which is not searched for defocused codes")
        .isGreaterThanOrEqualTo(largerPixels * DecodePlan.SEARCH_BYTES_PER_PIXEL)
        .isLessThan(
            largerPixels
                * (DecodePlan.SEARCH_BYTES_PER_PIXEL + DecodePlan.DEBLURRED_BYTES_PER_PIXEL));
  }

  private static DecodePlan plan(byte[] png) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      ImageReader reader = ImageIO.getImageReaders(input).next();
      try {
        reader.setInput(input, true, true);
        return DecodePlan.of(reader, false);
      } finally {
        reader.dispose();
      }
    }
  }
}
