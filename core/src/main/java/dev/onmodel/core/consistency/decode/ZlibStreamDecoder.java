package dev.onmodel.core.consistency.decode;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Inflates one zlib stream (RFC 1950 around RFC 1951 DEFLATE) held in memory, handing out its bytes in the order
 * they are asked for: the PNG reader asks one row at a time.
 *
 * <p>Why not {@link java.util.zip.Inflater}: measured on rendered frames, the JDK's native zlib spent ~5 ms of a
 * 720p frame's ~8 ms decode (docs/decisions/consistency-png-decoder.md). Filtered frames are mostly long runs (a flat
 * background filters to zeros), and zlib copies overlapping matches a few bytes at a time; here a run of one byte is
 * an {@link Arrays#fill}, a longer period is copied in doubling {@link System#arraycopy} steps, and a Huffman symbol
 * is one table lookup for codes up to {@value #FAST_BITS} bits (longer, rare codes are decoded canonically bit by
 * bit, as in Mark Adler's puff.c reference decoder).
 *
 * <p>Not checked: the Adler-32 trailer. In a PNG every chunk carrying these bytes has its own CRC-32, which the
 * caller checks; a stream that is damaged anyway fails on an invalid code, a distance before the start of the
 * output, or by ending early.
 */
final class ZlibStreamDecoder {

    private static final int HISTORY = 1 << 15;
    private static final int MAX_MATCH = 258;
    /** Output decoded per refill of the window beyond the history kept. */
    private static final int CHUNK = 1 << 17;
    private static final int FAST_BITS = 11;
    private static final int FAST_MASK = (1 << FAST_BITS) - 1;
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BLOCK_HEADER = -1;
    private static final int STORED = 0;
    private static final int FIXED = 1;
    private static final int DYNAMIC = 2;

    private final byte[] input;
    private final int inputEnd;
    private int inputPos;
    private long bits;
    private int bitCount;
    /** Zero bits appended after the end of the input so that peeking never runs out; consuming them is an error. */
    private int paddingBits;

    /** History (the last 32 KiB, for back-references) followed by decoded bytes not yet handed out. */
    private final byte[] window = new byte[HISTORY + CHUNK + MAX_MATCH + 8];
    private int readPos;
    private int writePos;

    private int blockType = BLOCK_HEADER;
    private boolean lastBlock;
    private boolean ended;
    private int storedRemaining;
    private final Huffman literalLength = new Huffman(288);
    private final Huffman distance = new Huffman(32);
    private final Huffman codeLength = new Huffman(19);
    private final byte[] lengths = new byte[288 + 32];

    /**
     * @param input  the zlib stream (two header bytes, DEFLATE data, checksum); not copied
     * @param length how many bytes of {@code input} belong to it
     * @throws IOException when the header is not a plain DEFLATE zlib header
     */
    ZlibStreamDecoder(byte[] input, int length) throws IOException {
        this.input = input;
        this.inputEnd = length;
        if (length < 2) {
            throw new IOException("no compressed image data");
        }
        int cmf = input[0] & 0xFF;
        int flg = input[1] & 0xFF;
        if ((cmf & 0x0F) != 8 || (cmf >>> 4) > 7 || (cmf << 8 | flg) % 31 != 0) {
            throw new IOException("image data is not a zlib DEFLATE stream");
        }
        if ((flg & 0x20) != 0) {
            throw new IOException("zlib stream asks for a preset dictionary");
        }
        inputPos = 2;
    }

    /**
     * Fills {@code out[offset, offset + length)} with the next decoded bytes.
     *
     * @throws IOException "ends early" when the stream ends first, or the reason the data is invalid
     */
    void readFully(byte[] out, int offset, int length) throws IOException {
        while (length > 0) {
            if (readPos == writePos) {
                decodeMore();
            }
            int n = Math.min(length, writePos - readPos);
            System.arraycopy(window, readPos, out, offset, n);
            readPos += n;
            offset += n;
            length -= n;
        }
    }

    /** Decodes up to {@link #CHUNK} more bytes; called only when everything decoded so far has been read. */
    private void decodeMore() throws IOException {
        if (writePos > HISTORY) {
            // Keep the last 32 KiB for back-references, start again behind them.
            System.arraycopy(window, writePos - HISTORY, window, 0, HISTORY);
            writePos = HISTORY;
            readPos = HISTORY;
        }
        // A match may run past the limit by up to MAX_MATCH - 1 bytes, and its eight-byte copy by seven more; the
        // window has room for that.
        int limit = HISTORY + CHUNK;
        while (writePos < limit) {
            if (blockType == BLOCK_HEADER) {
                if (ended) {
                    if (writePos > readPos) {
                        return;
                    }
                    throw new IOException("the compressed data ends early");
                }
                readBlockHeader();
            } else if (blockType == STORED) {
                copyStored(limit);
            } else {
                inflateCodes(limit);
            }
        }
    }

    private void readBlockHeader() throws IOException {
        refill();
        lastBlock = take(1) == 1;
        int type = take(2);
        switch (type) {
            case STORED -> startStored();
            case FIXED -> useFixedCodes();
            case DYNAMIC -> readDynamicCodes();
            default -> throw new IOException("invalid DEFLATE block type 3");
        }
        blockType = type;
        checkPadding();
    }

    private void startStored() throws IOException {
        take(bitCount & 7);
        int length = take(16);
        int complement = take(16);
        checkPadding();
        if ((length ^ 0xFFFF) != complement) {
            throw new IOException("stored DEFLATE block with a damaged length");
        }
        // Give the whole bytes still in the bit buffer back to the input, then copy straight from it.
        inputPos -= (bitCount - paddingBits) >>> 3;
        bits = 0;
        bitCount = 0;
        paddingBits = 0;
        storedRemaining = length;
    }

    private void copyStored(int limit) throws IOException {
        int n = Math.min(storedRemaining, limit - writePos);
        if (inputPos + n > inputEnd) {
            throw new IOException("the compressed data ends early");
        }
        System.arraycopy(input, inputPos, window, writePos, n);
        inputPos += n;
        writePos += n;
        storedRemaining -= n;
        if (storedRemaining == 0) {
            endBlock();
        }
    }

    private void endBlock() {
        blockType = BLOCK_HEADER;
        ended = lastBlock;
    }

    private void useFixedCodes() throws IOException {
        Arrays.fill(lengths, 0, 144, (byte) 8);
        Arrays.fill(lengths, 144, 256, (byte) 9);
        Arrays.fill(lengths, 256, 280, (byte) 7);
        Arrays.fill(lengths, 280, 288, (byte) 8);
        literalLength.build(lengths, 0, 288);
        Arrays.fill(lengths, 0, 32, (byte) 5);
        distance.build(lengths, 0, 32);
    }

    private void readDynamicCodes() throws IOException {
        int literalCodes = take(5) + 257;
        int distanceCodes = take(5) + 1;
        int codeLengthCodes = take(4) + 4;
        if (literalCodes > 286 || distanceCodes > 30) {
            throw new IOException("invalid DEFLATE code counts");
        }
        Arrays.fill(lengths, 0, 19, (byte) 0);
        for (int i = 0; i < codeLengthCodes; i++) {
            refill();
            lengths[CODE_LENGTH_ORDER[i]] = (byte) take(3);
        }
        codeLength.build(lengths, 0, 19);
        int total = literalCodes + distanceCodes;
        int i = 0;
        while (i < total) {
            refill();
            checkPadding();
            int symbol = decode(codeLength);
            if (symbol < 16) {
                lengths[i++] = (byte) symbol;
                continue;
            }
            int repeat;
            byte value = 0;
            if (symbol == 16) {
                if (i == 0) {
                    throw new IOException("invalid DEFLATE code lengths (repeat with no previous length)");
                }
                value = lengths[i - 1];
                repeat = 3 + take(2);
            } else if (symbol == 17) {
                repeat = 3 + take(3);
            } else {
                repeat = 11 + take(7);
            }
            if (i + repeat > total) {
                throw new IOException("invalid DEFLATE code lengths (too many)");
            }
            Arrays.fill(lengths, i, i + repeat, value);
            i += repeat;
        }
        if (lengths[256] == 0) {
            throw new IOException("invalid DEFLATE codes (no end-of-block code)");
        }
        literalLength.build(lengths, 0, literalCodes);
        distance.build(lengths, literalCodes, distanceCodes);
    }

    /**
     * Decodes literals and matches of the current block until {@code limit} or the end of the block. The bit buffer,
     * its count and the positions live in locals for the loop (the JIT keeps them in registers; fields would be
     * written back around every call) and go back to the fields when it ends.
     */
    private void inflateCodes(int limit) throws IOException {
        byte[] out = window;
        byte[] in = input;
        int[] literalTable = literalLength.fast;
        int[] distanceTable = distance.fast;
        int wordEnd = inputEnd - 8;
        long b = bits;
        int n = bitCount;
        int inPos = inputPos;
        int pos = writePos;
        try {
            while (pos < limit) {
                if (n < 48) {
                    // 48 bits cover the longest literal/length code, its extra bits, a distance code and its extras.
                    if (inPos <= wordEnd) {
                        b |= (long) LITTLE_ENDIAN_LONG.get(in, inPos) << n;
                        int bytes = (63 - n) >>> 3;
                        inPos += bytes;
                        n += bytes << 3;
                    } else {
                        bits = b;
                        bitCount = n;
                        inputPos = inPos;
                        refill();
                        checkPadding();
                        b = bits;
                        n = bitCount;
                        inPos = inputPos;
                    }
                }
                int entry = literalTable[(int) b & FAST_MASK];
                if (entry == 0) {
                    entry = slowEntry(literalLength, b);
                }
                int length = entry & 15;
                b >>>= length;
                n -= length;
                int symbol = entry >>> 4;
                if (symbol < 256) {
                    out[pos++] = (byte) symbol;
                    continue;
                }
                if (symbol == 256) {
                    bits = b;
                    bitCount = n;
                    checkPadding();
                    endBlock();
                    return;
                }
                symbol -= 257;
                if (symbol >= 29) {
                    throw new IOException("invalid DEFLATE length code");
                }
                int extra = LENGTH_EXTRA[symbol];
                int matchLength = LENGTH_BASE[symbol] + ((int) b & ((1 << extra) - 1));
                b >>>= extra;
                n -= extra;
                entry = distanceTable[(int) b & FAST_MASK];
                if (entry == 0) {
                    entry = slowEntry(distance, b);
                }
                length = entry & 15;
                b >>>= length;
                n -= length;
                int distanceSymbol = entry >>> 4;
                if (distanceSymbol >= 30) {
                    throw new IOException("invalid DEFLATE distance code");
                }
                extra = DISTANCE_EXTRA[distanceSymbol];
                int back = DISTANCE_BASE[distanceSymbol] + ((int) b & ((1 << extra) - 1));
                b >>>= extra;
                n -= extra;
                int from = pos - back;
                if (from < 0) {
                    throw new IOException("invalid DEFLATE distance (before the start of the data)");
                }
                if (back >= matchLength && matchLength > 32) {
                    System.arraycopy(out, from, out, pos, matchLength);
                    pos += matchLength;
                } else if (back >= 8 && matchLength <= 8) {
                    // A short match, frequent in noisy frames: one eight-byte copy without the loop below (which
                    // explains the bytes written past the match).
                    LITTLE_ENDIAN_LONG.set(out, pos, (long) LITTLE_ENDIAN_LONG.get(out, from));
                    pos += matchLength;
                } else if (back >= 8) {
                    // Eight bytes at a time: every load lies at least eight bytes behind the store, so it reads
                    // final bytes even when source and target overlap. Up to seven bytes past the match are written
                    // too (the window has room); later output overwrites them before anyone reads them.
                    for (int i = 0; i < matchLength; i += 8) {
                        LITTLE_ENDIAN_LONG.set(out, pos + i, (long) LITTLE_ENDIAN_LONG.get(out, from + i));
                    }
                    pos += matchLength;
                } else if (back == 1) {
                    Arrays.fill(out, pos, pos + matchLength, out[from]);
                    pos += matchLength;
                } else if (matchLength <= 16) {
                    // A short period, a short match: forward byte copying repeats the period.
                    for (int end = pos + matchLength; pos < end; pos++, from++) {
                        out[pos] = out[from];
                    }
                } else {
                    // A period shorter than the match: copy it, then twice as much, and so on.
                    int end = pos + matchLength;
                    while (pos < end) {
                        int chunk = Math.min(end - pos, pos - from);
                        System.arraycopy(out, from, out, pos, chunk);
                        pos += chunk;
                    }
                }
            }
        } finally {
            bits = b;
            bitCount = n;
            inputPos = inPos;
            writePos = pos;
        }
        checkPadding();
    }

    private int decode(Huffman code) throws IOException {
        int entry = code.fast[(int) bits & FAST_MASK];
        if (entry == 0) {
            entry = slowEntry(code, bits);
        }
        int length = entry & 15;
        bits >>>= length;
        bitCount -= length;
        return entry >>> 4;
    }

    /**
     * The table entry (symbol << 4 | length) of a code longer than the fast table. Canonical codes of one length
     * are consecutive numbers, so the next 15 bits read most-significant-first are compared with the first code of
     * each longer length (puff.c's method, a length at a time instead of a bit at a time).
     *
     * @throws IOException when no code matches (an incomplete code's unused pattern)
     */
    private static int slowEntry(Huffman code, long bits) throws IOException {
        int next = Integer.reverse((int) bits) >>> 17;
        for (int length = FAST_BITS + 1; length <= 15; length++) {
            int offset = (next >>> (15 - length)) - code.firstCode[length];
            if (offset >= 0 && offset < code.count[length]) {
                return code.symbols[code.firstIndex[length] + offset] << 4 | length;
            }
        }
        throw new IOException("invalid DEFLATE code");
    }

    private int take(int n) {
        int value = (int) (bits & ((1L << n) - 1));
        bits >>>= n;
        bitCount -= n;
        return value;
    }

    /**
     * Tops the bit buffer up to at least 56 bits: eight bytes in one little-endian load while they last (bits above
     * the count already hold the next bytes' low bits; OR-ing the same bytes again leaves them unchanged), then byte
     * by byte, then zero padding that {@link #checkPadding} refuses to see consumed.
     */
    private void refill() {
        if (inputPos + 8 <= inputEnd) {
            bits |= (long) LITTLE_ENDIAN_LONG.get(input, inputPos) << bitCount;
            int bytes = (63 - bitCount) >>> 3;
            inputPos += bytes;
            bitCount += bytes << 3;
            return;
        }
        while (bitCount <= 56) {
            if (inputPos < inputEnd) {
                bits |= (long) (input[inputPos++] & 0xFF) << bitCount;
            } else {
                paddingBits += 8;
            }
            bitCount += 8;
        }
    }

    private void checkPadding() throws IOException {
        if (bitCount < paddingBits) {
            throw new IOException("the compressed data ends early");
        }
    }

    /** A canonical Huffman code: a lookup table for short codes and the counts/symbols for long ones. */
    private static final class Huffman {
        /** Indexed by the next {@link #FAST_BITS} input bits: symbol << 4 | code length, or 0 for a longer code. */
        final int[] fast = new int[1 << FAST_BITS];
        final int[] count = new int[16];
        /** Canonical code of the first symbol of each length, and that symbol's index in {@link #symbols}. */
        final int[] firstCode = new int[16];
        final int[] firstIndex = new int[16];
        final int[] symbols;
        private final int[] offsets = new int[16];
        private final int[] nextCode = new int[16];

        Huffman(int maxSymbols) {
            symbols = new int[maxSymbols];
        }

        void build(byte[] lengths, int start, int n) throws IOException {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[lengths[start + i]]++;
            }
            count[0] = 0;
            int left = 1;
            for (int length = 1; length <= 15; length++) {
                left = (left << 1) - count[length];
                if (left < 0) {
                    throw new IOException("invalid DEFLATE code lengths (over-subscribed)");
                }
            }
            offsets[1] = 0;
            for (int length = 1; length < 15; length++) {
                offsets[length + 1] = offsets[length] + count[length];
            }
            int code = 0;
            for (int length = 1; length <= 15; length++) {
                code = (code + count[length - 1]) << 1;
                nextCode[length] = code;
                firstCode[length] = code;
                firstIndex[length] = offsets[length];
            }
            Arrays.fill(fast, 0);
            for (int symbol = 0; symbol < n; symbol++) {
                int length = lengths[start + symbol];
                if (length == 0) {
                    continue;
                }
                symbols[offsets[length]++] = symbol;
                int canonical = nextCode[length]++;
                if (length <= FAST_BITS) {
                    int reversed = Integer.reverse(canonical) >>> (32 - length);
                    int entry = symbol << 4 | length;
                    for (int i = reversed; i < fast.length; i += 1 << length) {
                        fast[i] = entry;
                    }
                }
            }
        }
    }
}
