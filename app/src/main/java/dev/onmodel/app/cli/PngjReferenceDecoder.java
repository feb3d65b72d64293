package dev.onmodel.app.cli;

import ar.com.hjg.pngj.IImageLine;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineInt;
import ar.com.hjg.pngj.PngReader;

import java.nio.file.Path;

/**
 * The reader OnModel used before its own PNG decoder: PNGJ 2.1.0, every {@code step}-th row and column converted
 * to ARGB. Kept only so that {@code onmodel bench} can print both side by side on the same files (8-bit RGB/RGBA).
 */
final class PngjReferenceDecoder {

    private PngjReferenceDecoder() {
    }

    static int[] read(Path file, int workingSize) {
        PngReader reader = new PngReader(file.toFile());
        try {
            ImageInfo info = reader.imgInfo;
            int step = Math.max(1, (Math.max(info.cols, info.rows) + workingSize - 1) / workingSize);
            int outWidth = (info.cols + step - 1) / step;
            int outHeight = (info.rows + step - 1) / step;
            int[] out = new int[outWidth * outHeight];
            int channels = info.channels;
            for (int oy = 0; oy < outHeight; oy++) {
                IImageLine line = reader.readRow(oy * step);
                int[] s = ((ImageLineInt) line).getScanline();
                for (int ox = 0, sx = 0; ox < outWidth; ox++, sx += step) {
                    int i = sx * channels;
                    int a = channels == 4 ? s[i + 3] : 255;
                    out[oy * outWidth + ox] = a << 24 | s[i] << 16 | s[i + 1] << 8 | s[i + 2];
                }
            }
            return out;
        } finally {
            reader.close();
        }
    }
}
