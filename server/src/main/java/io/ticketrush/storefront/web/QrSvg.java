package io.ticketrush.storefront.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Draws a ticket code as an inline SVG QR code (error correction M, quiet zone of 4 modules):
 * sharp at any phone's pixel density, and no extra request that would need the API's bearer token.
 */
@Component("qr")
class QrSvg {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.US_ASCII.name(),
            EncodeHintType.MARGIN, 4);

    /** SVG markup made only of numbers and fixed text, safe to write unescaped. */
    public String svg(String code, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalStateException("A ticket code could not be drawn as a QR code", e);
        }
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder(size * size);
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < size) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(',').append(y)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"%s\"/></svg>"
                .formatted(size, size, escape(label), size, size, path);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
