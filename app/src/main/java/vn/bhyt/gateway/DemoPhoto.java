package vn.bhyt.gateway;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Draws a card-like picture with the card's QR code, for the demo's photo check. */
final class DemoPhoto {
  private DemoPhoto() {}

  static void write(Path file, String qrText, String holder) throws IOException, WriterException {
    BitMatrix matrix =
        new QRCodeWriter()
            .encode(
                qrText,
                BarcodeFormat.QR_CODE,
                420,
                420,
                Map.of(
                    EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN,
                    2,
                    EncodeHintType.CHARACTER_SET,
                    "UTF-8"));
    BufferedImage card = new BufferedImage(1200, 760, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = card.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xE8F1FA));
    g.fillRect(0, 0, 1200, 760);
    g.setColor(new Color(0x1F5FA8));
    g.fillRect(0, 0, 1200, 110);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
    g.drawString("THẺ BẢO HIỂM Y TẾ", 60, 75);
    g.setColor(new Color(0x222222));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
    g.drawString("Họ và tên: " + holder, 60, 220);
    g.drawString("(demo card)", 60, 280);
    g.drawImage(MatrixToImageWriter.toBufferedImage(matrix), 720, 220, null);
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(card, "png", file.toFile());
  }
}
