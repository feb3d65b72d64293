package dev.onmodel.core.consistency.decode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inflater gives back exactly what the JDK's zlib compressed, and refuses damaged streams with a reason. */
class ZlibStreamDecoderTest {

    /** Content shaped like filtered image rows and unlike them: runs, short periods, text-like and random bytes. */
    private static byte[] content(int kind, int size, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        switch (kind) {
            case 0 -> random.nextBytes(data);
            case 1 -> {
                for (int i = 0; i < size; ) {
                    int run = 1 + random.nextInt(600);
                    byte value = random.nextInt(4) == 0 ? (byte) random.nextInt() : 0;
                    Arrays.fill(data, i, Math.min(size, i + run), value);
                    i += run;
                }
            }
            case 2 -> {
                int period = 2 + random.nextInt(9);
                for (int i = 0; i < size; i++) {
                    data[i] = (byte) (i % period * 37 + (random.nextInt(50) == 0 ? random.nextInt() : 0));
                }
            }
            default -> {
                String words = "the quick brown fox jumps over the lazy dog on model off model ";
                for (int i = 0; i < size; i++) {
                    data[i] = (byte) words.charAt((i * 7 + random.nextInt(3)) % words.length());
                }
            }
        }
        return data;
    }

    private static byte[] compress(byte[] data, int level, int strategy) {
        Deflater deflater = new Deflater(level);
        deflater.setStrategy(strategy);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 14];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] compressed, int size, int piece) throws IOException {
        ZlibStreamDecoder decoder = new ZlibStreamDecoder(compressed, compressed.length);
        byte[] out = new byte[size];
        for (int offset = 0; offset < size; offset += piece) {
            decoder.readFully(out, offset, Math.min(piece, size - offset));
        }
        return out;
    }

    @Provide
    Arbitrary<Integer> strategies() {
        return Arbitraries.of(Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY);
    }

    @Property(tries = 60)
    void givesBackWhatZlibCompressed(@ForAll @IntRange(min = 0, max = 3) int kind,
                                     @ForAll @IntRange(min = 0, max = 400_000) int size,
                                     @ForAll @IntRange(min = 0, max = 9) int level,
                                     @ForAll("strategies") int strategy,
                                     @ForAll @IntRange(min = 1, max = 70_000) int piece) throws IOException {
        byte[] data = content(kind, size, size * 31L + level);
        assertArrayEquals(data, inflate(compress(data, level, strategy), size, piece));
    }

    @Test
    void storedBlocksAndEmptyStreams() throws IOException {
        byte[] data = content(0, 200_000, 5);
        assertArrayEquals(data, inflate(compress(data, Deflater.NO_COMPRESSION, Deflater.DEFAULT_STRATEGY),
                data.length, 3_841));
        assertArrayEquals(new byte[0], inflate(compress(new byte[0], 6, Deflater.DEFAULT_STRATEGY), 0, 1));
    }

    @Property(tries = 300)
    void damagedStreamsFailWithAReasonOrStillDecode(@ForAll @IntRange(min = 0, max = 3) int kind,
                                                    @ForAll @IntRange(min = 1, max = 1_000_000) int seed) {
        byte[] data = content(kind, 20_000, seed);
        byte[] compressed = compress(data, 1 + seed % 9, Deflater.DEFAULT_STRATEGY);
        Random random = new Random(seed);
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            compressed[2 + random.nextInt(compressed.length - 2)] ^= (byte) (1 << random.nextInt(8));
        }
        int keep = random.nextInt(3) == 0 ? random.nextInt(compressed.length) : compressed.length;
        try {
            ZlibStreamDecoder decoder = new ZlibStreamDecoder(compressed, keep);
            decoder.readFully(new byte[data.length], 0, data.length);
        } catch (IOException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        }
    }

    @Test
    void aTruncatedStreamEndsEarly() {
        byte[] data = content(3, 100_000, 9);
        byte[] compressed = compress(data, 6, Deflater.DEFAULT_STRATEGY);
        IOException e = assertThrows(IOException.class,
                () -> inflate(Arrays.copyOf(compressed, compressed.length / 2), data.length, 4_096));
        assertEquals("the compressed data ends early", e.getMessage());
    }

    @Test
    void asksForMoreThanTheStreamHolds() {
        byte[] compressed = compress(new byte[1_000], 6, Deflater.DEFAULT_STRATEGY);
        assertEquals("the compressed data ends early",
                assertThrows(IOException.class, () -> inflate(compressed, 1_001, 1_001)).getMessage());
    }

    @Test
    void refusesOtherHeaders() {
        assertEquals("image data is not a zlib DEFLATE stream",
                assertThrows(IOException.class, () -> new ZlibStreamDecoder(new byte[] {0x1f, (byte) 0x8b, 8}, 3))
                        .getMessage());
        Deflater withDictionary = new Deflater();
        withDictionary.setDictionary(new byte[] {1, 2, 3});
        withDictionary.setInput(new byte[] {1, 2, 3, 1, 2, 3});
        withDictionary.finish();
        byte[] buffer = new byte[64];
        int n = withDictionary.deflate(buffer);
        withDictionary.end();
        assertEquals("zlib stream asks for a preset dictionary",
                assertThrows(IOException.class, () -> new ZlibStreamDecoder(buffer, n)).getMessage());
    }
}
