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

    /**
     * Content shaped like filtered image rows and unlike them: runs, short periods, text-like and random bytes, and
     * skewed bytes and distances (kind 4: byte k and distance 2^k about 2^-k of the time) whose Huffman codes run to
     * 12-15 bits, longer than the decoder's lookup tables.
     */
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
            case 4 -> {
                for (int i = 0; i < size; ) {
                    if (i > 64 && random.nextInt(3) == 0) {
                        int back = Math.min(i, 1 + (1 << Math.min(14, geometric(random))) + random.nextInt(8));
                        int length = Math.min(size - i, 3 + random.nextInt(20));
                        for (int k = 0; k < length; k++, i++) {
                            data[i] = data[i - back];
                        }
                    } else {
                        data[i++] = (byte) geometric(random);
                    }
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

    /** 0 half the time, 1 a quarter of the time, and so on up to 30. */
    private static int geometric(Random random) {
        return Integer.numberOfTrailingZeros(random.nextInt() | 1 << 30);
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
    void givesBackWhatZlibCompressed(@ForAll @IntRange(min = 0, max = 4) int kind,
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
    void damagedStreamsFailWithAReasonOrStillDecode(@ForAll @IntRange(min = 0, max = 4) int kind,
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

    /**
     * Writes DEFLATE streams by hand (fixed-code and stored blocks) so that a test can put any symbol anywhere:
     * longest matches, the farthest distance, symbols DEFLATE does not allow, a stream ending at any byte. It keeps
     * the bytes a decoder must give back.
     */
    private static final class StreamWriter {
        private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
            59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
            4, 5, 5, 5, 5, 0};
        private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257,
            385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};

        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        private byte[] expected = new byte[1 << 16];
        private int size;
        private long bitBuffer;
        private int bitCount;

        StreamWriter() {
            stream.write(0x78);
            stream.write(0x01);
        }

        void bits(int value, int count) {
            bitBuffer |= (long) value << bitCount;
            bitCount += count;
            while (bitCount >= 8) {
                stream.write((int) bitBuffer);
                bitBuffer >>>= 8;
                bitCount -= 8;
            }
        }

        /** A Huffman code goes most significant bit first. */
        void code(int code, int length) {
            bits(Integer.reverse(code) >>> (32 - length), length);
        }

        void startFixed(boolean last) {
            bits(last ? 1 : 0, 1);
            bits(1, 2);
        }

        void symbol(int symbol) {
            if (symbol < 144) {
                code(0x30 + symbol, 8);
            } else if (symbol < 256) {
                code(0x190 + symbol - 144, 9);
            } else if (symbol < 280) {
                code(symbol - 256, 7);
            } else {
                code(0xC0 + symbol - 280, 8);
            }
        }

        void literal(int value) {
            symbol(value & 0xFF);
            expect((byte) value);
        }

        void match(int length, int distance) {
            int lengthIndex = LENGTH_BASE.length - 1;
            while (LENGTH_BASE[lengthIndex] > length) {
                lengthIndex--;
            }
            symbol(257 + lengthIndex);
            bits(length - LENGTH_BASE[lengthIndex], LENGTH_EXTRA[lengthIndex]);
            int distanceIndex = DISTANCE_BASE.length - 1;
            while (DISTANCE_BASE[distanceIndex] > distance) {
                distanceIndex--;
            }
            code(distanceIndex, 5);
            bits(distance - DISTANCE_BASE[distanceIndex], Math.max(0, distanceIndex / 2 - 1));
            for (int i = 0; i < length; i++) {
                expect(expected[size - distance]);
            }
        }

        private void expect(byte value) {
            if (size == expected.length) {
                expected = Arrays.copyOf(expected, size * 2);
            }
            expected[size++] = value;
        }

        int size() {
            return size;
        }

        byte[] expected() {
            return Arrays.copyOf(expected, size);
        }

        void endBlock() {
            symbol(256);
        }

        void stored(byte[] data, boolean last) {
            bits(last ? 1 : 0, 1);
            bits(0, 2);
            if (bitCount > 0) {
                bits(0, 8 - bitCount);
            }
            bits(data.length, 16);
            bits(data.length ^ 0xFFFF, 16);
            stream.writeBytes(data);
            for (byte value : data) {
                expect(value);
            }
        }

        /** The stream with its last partial byte and an Adler-32 trailer (so the JDK's inflater accepts it too). */
        byte[] finish() {
            if (bitCount > 0) {
                bits(0, 8 - bitCount);
            }
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            adler.update(expected, 0, size);
            int checksum = (int) adler.getValue();
            for (int shift = 24; shift >= 0; shift -= 8) {
                stream.write(checksum >>> shift);
            }
            return stream.toByteArray();
        }
    }

    /** Literals and matches of every kind, the longest length and the farthest distance included. */
    private static void randomSymbols(StreamWriter writer, Random random, int count) {
        for (int i = 0; i < count; i++) {
            int produced = writer.size();
            int pick = random.nextInt(10);
            if (produced == 0 || pick < 4) {
                writer.literal(random.nextInt(256));
            } else {
                int length = switch (pick) {
                    case 4 -> 258;
                    case 5 -> 3 + random.nextInt(256);
                    default -> 3 + random.nextInt(14);
                };
                int distance = switch (random.nextInt(4)) {
                    case 0 -> Math.min(produced, 32_768);
                    case 1 -> 1 + random.nextInt(Math.min(produced, 8));
                    default -> 1 + random.nextInt(Math.min(produced, 32_768));
                };
                writer.match(length, distance);
            }
        }
    }

    private static byte[] jdkInflate(byte[] compressed, int size) throws Exception {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(compressed);
        byte[] out = new byte[size];
        int n = 0;
        while (n < size && !inflater.finished()) {
            n += inflater.inflate(out, n, size - n);
        }
        inflater.end();
        return out;
    }

    @Property(tries = 40)
    void fixedAndStoredBlocksWithEveryKindOfSymbol(@ForAll @IntRange(min = 1, max = 1_000_000) int seed,
                                                   @ForAll @IntRange(min = 1, max = 70_000) int piece)
            throws Exception {
        Random random = new Random(seed);
        StreamWriter writer = new StreamWriter();
        int blocks = 1 + random.nextInt(5);
        for (int block = 0; block < blocks; block++) {
            boolean last = block == blocks - 1;
            if (random.nextInt(3) == 0) {
                byte[] stored = new byte[random.nextInt(3) == 0 ? 65_535 : random.nextInt(3_000)];
                random.nextBytes(stored);
                writer.stored(stored, last);
            } else {
                writer.startFixed(last);
                randomSymbols(writer, random, random.nextInt(8_000));
                writer.endBlock();
            }
        }
        byte[] compressed = writer.finish();
        byte[] expected = writer.expected();
        assertArrayEquals(expected, jdkInflate(compressed, expected.length), "the test's writer agrees with zlib");
        assertArrayEquals(expected, inflate(compressed, expected.length, piece));
    }

    /**
     * The fast loop stops short of the input's last bytes: streams ending at every byte around that point, whole or
     * cut short, decode exactly or fail with a reason.
     */
    @Test
    void streamsEndingAtEveryByteAroundTheFastLoopsEnd() throws IOException {
        for (int tail = 0; tail < 60; tail++) {
            Random random = new Random(tail);
            StreamWriter writer = new StreamWriter();
            writer.startFixed(true);
            randomSymbols(writer, random, 3_000);
            for (int i = 0; i < tail; i++) {
                if (i % 7 == 6) {
                    writer.match(3 + i % 5, 1 + i);
                } else {
                    writer.literal(i * 37);
                }
            }
            writer.endBlock();
            byte[] compressed = writer.finish();
            byte[] expected = writer.expected();
            assertArrayEquals(expected, inflate(compressed, expected.length, 1 + tail * 97), "tail " + tail);
            for (int cut = 1; cut <= 24; cut++) {
                byte[] shorter = Arrays.copyOf(compressed, compressed.length - 4 - cut);
                IOException e = assertThrows(IOException.class, () -> inflate(shorter, expected.length, 4_096),
                        "tail " + tail + ", cut " + cut);
                assertEquals("the compressed data ends early", e.getMessage());
            }
        }
    }

    /** Length codes 286-287 and distance codes 30-31 exist in the fixed code but mean nothing. */
    @Test
    void refusesSymbolsDeflateDoesNotAllow() {
        for (int before : new int[] {0, 40_000}) {
            for (int bad = 0; bad < 4; bad++) {
                StreamWriter writer = new StreamWriter();
                writer.startFixed(true);
                randomSymbols(writer, new Random(bad), before / 10);
                writer.literal(1);
                if (bad < 2) {
                    writer.symbol(286 + bad);
                } else {
                    writer.symbol(257);
                    writer.code(28 + bad, 5);
                }
                for (int i = 0; i < 40; i++) {
                    writer.literal(i);
                }
                writer.endBlock();
                byte[] compressed = writer.finish();
                int size = writer.size() + 3;
                String reason = assertThrows(IOException.class, () -> inflate(compressed, size, 1_000)).getMessage();
                assertEquals(bad < 2 ? "invalid DEFLATE length code" : "invalid DEFLATE distance code", reason,
                        before + " bytes before, case " + bad);
            }
        }
    }

    @Test
    void refusesADistanceBeforeTheStart() {
        for (int before : new int[] {10, 20_000}) {
            StreamWriter writer = new StreamWriter();
            writer.startFixed(true);
            for (int i = 0; i < before; i++) {
                writer.literal(i);
            }
            writer.symbol(257);
            writer.code(29, 5);
            writer.bits(8_191, 13);
            for (int i = 0; i < 40; i++) {
                writer.literal(i);
            }
            writer.endBlock();
            byte[] compressed = writer.finish();
            assertEquals("invalid DEFLATE distance (before the start of the data)",
                    assertThrows(IOException.class, () -> inflate(compressed, before + 43, 1_000)).getMessage());
        }
    }
}
