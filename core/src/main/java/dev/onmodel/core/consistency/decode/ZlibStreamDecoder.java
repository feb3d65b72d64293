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
 * is one table lookup for codes up to {@value #LITERAL_BITS} bits (longer, rare codes are decoded canonically, as in
 * Mark Adler's puff.c reference decoder).
 *
 * <p>Noisy frames (film grain) are the opposite: almost every byte a literal or a match of 3-8 bytes, millions of
 * symbols per frame. For them the hot loop follows libdeflate's design (no code taken from it): a branchless 64-bit
 * refill, table entries that carry everything a step needs, the next lookup issued before the current step ends,
 * no input or output checks inside a step. It stops 16 bytes before the end of the input, where a careful loop
 * with every check takes over.
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
    /** Literal/length codes up to this long are decoded by one table lookup. */
    private static final int LITERAL_BITS = 11;
    private static final int LITERAL_MASK = (1 << LITERAL_BITS) - 1;
    private static final int DISTANCE_BITS = 10;
    private static final int DISTANCE_MASK = (1 << DISTANCE_BITS) - 1;
    /** Input bytes the fast loop leaves to the careful one: room for two eight-byte loads seven bytes apart. */
    private static final int FAST_INPUT_SLACK = 16;
    private static final int TOTAL_BITS = 63;
    private static final int END_OF_BLOCK = 0x40;
    private static final int SLOW = 0x80;
    private static final int CODE_LENGTH_SHIFT = 8;
    private static final int VALUE_SHIFT = 16;
    private static final int LITERAL = 0x8000_0000;
    private static final int KIND_LITERAL_LENGTH = 0;
    private static final int KIND_DISTANCE = 1;
    private static final int KIND_CODE_LENGTH = 2;
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
    private final Huffman literalLength = new Huffman(KIND_LITERAL_LENGTH, 288, LITERAL_BITS);
    private final Huffman distance = new Huffman(KIND_DISTANCE, 32, DISTANCE_BITS);
    private final Huffman codeLength = new Huffman(KIND_CODE_LENGTH, 19, 7);
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
     * Decodes literals and matches of the current block until {@code limit} or the end of the block: the fast loop
     * while the input has room for its unchecked loads, the careful loop for the stream's last bytes.
     */
    private void inflateCodes(int limit) throws IOException {
        if (!fastLoop(limit) && writePos < limit) {
            carefulLoop(limit);
        }
    }

    /**
     * The hot loop for all but the last {@value #FAST_INPUT_SLACK} input bytes. Every step starts with at least 56
     * bits in the buffer, refilled without a branch by one eight-byte load (libdeflate's design: the bits above the
     * count already hold the next bytes, so loading them again changes nothing), which covers a whole match (a 15-bit
     * length code, 5 extra bits, a 15-bit distance code and 13 extra bits) or up to four table-sized literal codes.
     * The table entry of the next symbol is looked up before the current step's work is finished, so that load
     * overlaps the copying. Output needs no check inside a step: the window has room for a longest match (and the
     * eight-byte overshoot of its copy) beyond {@code limit}. The bit buffer, its count and the positions live in
     * locals (the JIT keeps them in registers; fields would be written back around every array store).
     *
     * @return whether the block ended
     */
    private boolean fastLoop(int limit) throws IOException {
        byte[] out = window;
        byte[] in = input;
        int[] literalTable = literalLength.table;
        int[] distanceTable = distance.table;
        // Two refills per step, seven bytes apart at most: both eight-byte loads stay inside the input.
        int inputLimit = inputEnd - FAST_INPUT_SLACK;
        long b = bits;
        int n = bitCount;
        int inPos = inputPos;
        int pos = writePos;
        if (pos >= limit || inPos > inputLimit || paddingBits != 0) {
            return false;
        }
        boolean blockEnded = false;
        try {
            b |= (long) LITTLE_ENDIAN_LONG.get(in, inPos) << n;
            inPos += (63 - n) >>> 3;
            n |= 56;
            int entry = literalTable[(int) b & LITERAL_MASK];
            while (true) {
                // Invariant: entry is the table entry of the next code (looked up with at least LITERAL_BITS bits
                // in the buffer, which this refill does not change).
                b |= (long) LITTLE_ENDIAN_LONG.get(in, inPos) << n;
                inPos += (63 - n) >>> 3;
                n |= 56;
                if (entry < 0) {
                    // Literals come in runs in noisy frames: up to four per step while the next code is one too.
                    b >>>= entry;
                    n -= entry & TOTAL_BITS;
                    out[pos] = (byte) (entry >>> VALUE_SHIFT);
                    entry = literalTable[(int) b & LITERAL_MASK];
                    if (entry < 0) {
                        b >>>= entry;
                        n -= entry & TOTAL_BITS;
                        out[pos + 1] = (byte) (entry >>> VALUE_SHIFT);
                        entry = literalTable[(int) b & LITERAL_MASK];
                        if (entry < 0) {
                            b >>>= entry;
                            n -= entry & TOTAL_BITS;
                            out[pos + 2] = (byte) (entry >>> VALUE_SHIFT);
                            entry = literalTable[(int) b & LITERAL_MASK];
                            if (entry < 0) {
                                b >>>= entry;
                                n -= entry & TOTAL_BITS;
                                out[pos + 3] = (byte) (entry >>> VALUE_SHIFT);
                                entry = literalTable[(int) b & LITERAL_MASK];
                                pos += 4;
                            } else {
                                pos += 3;
                            }
                        } else {
                            pos += 2;
                        }
                    } else {
                        pos++;
                    }
                    if (pos >= limit || inPos > inputLimit) {
                        break;
                    }
                    continue;
                }
                if ((entry & SLOW) != 0) {
                    entry = resolve(literalLength, entry, b, "invalid DEFLATE length code");
                    if (entry < 0) {
                        // A literal code longer than the table: one per step keeps the bit budget.
                        b >>>= entry;
                        n -= entry & TOTAL_BITS;
                        out[pos++] = (byte) (entry >>> VALUE_SHIFT);
                        entry = literalTable[(int) b & LITERAL_MASK];
                        if (pos >= limit || inPos > inputLimit) {
                            break;
                        }
                        continue;
                    }
                }
                if ((entry & END_OF_BLOCK) != 0) {
                    b >>>= entry;
                    n -= entry & TOTAL_BITS;
                    blockEnded = true;
                    break;
                }
                int matchLength = (entry >>> VALUE_SHIFT) + extraBits(entry, b);
                b >>>= entry;
                n -= entry & TOTAL_BITS;
                int distanceEntry = distanceTable[(int) b & DISTANCE_MASK];
                if ((distanceEntry & SLOW) != 0) {
                    distanceEntry = resolve(distance, distanceEntry, b, "invalid DEFLATE distance code");
                }
                int back = (distanceEntry >>> VALUE_SHIFT) + extraBits(distanceEntry, b);
                b >>>= distanceEntry;
                n -= distanceEntry & TOTAL_BITS;
                b |= (long) LITTLE_ENDIAN_LONG.get(in, inPos) << n;
                inPos += (63 - n) >>> 3;
                n |= 56;
                entry = literalTable[(int) b & LITERAL_MASK];
                int from = pos - back;
                if (from < 0) {
                    throw new IOException("invalid DEFLATE distance (before the start of the data)");
                }
                if (back >= 8 && matchLength <= 16) {
                    // Most matches of a noisy frame: two eight-byte copies, no loop and no branch on the length.
                    // Every load lies at least eight bytes behind the store, so it reads final bytes even when
                    // source and target overlap; bytes written past the match are overwritten before anyone
                    // reads them.
                    LITTLE_ENDIAN_LONG.set(out, pos, (long) LITTLE_ENDIAN_LONG.get(out, from));
                    LITTLE_ENDIAN_LONG.set(out, pos + 8, (long) LITTLE_ENDIAN_LONG.get(out, from + 8));
                } else {
                    copyMatch(out, pos, from, matchLength);
                }
                pos += matchLength;
                if (pos >= limit || inPos > inputLimit) {
                    break;
                }
            }
        } finally {
            bits = b;
            bitCount = n;
            inputPos = inPos;
            writePos = pos;
        }
        if (blockEnded) {
            endBlock();
        }
        return blockEnded;
    }

    /**
     * One symbol at a time with every check: for the stream's last bytes, where the bit buffer may run into the
     * zero padding behind the input.
     */
    private void carefulLoop(int limit) throws IOException {
        while (writePos < limit) {
            refill();
            int entry = literalLength.table[(int) bits & LITERAL_MASK];
            if ((entry & SLOW) != 0) {
                entry = resolve(literalLength, entry, bits, "invalid DEFLATE length code");
            }
            if (entry < 0) {
                consume(entry);
                window[writePos++] = (byte) (entry >>> VALUE_SHIFT);
                continue;
            }
            if ((entry & END_OF_BLOCK) != 0) {
                consume(entry);
                endBlock();
                return;
            }
            int matchLength = (entry >>> VALUE_SHIFT) + extraBits(entry, bits);
            consume(entry);
            int distanceEntry = distance.table[(int) bits & DISTANCE_MASK];
            if ((distanceEntry & SLOW) != 0) {
                distanceEntry = resolve(distance, distanceEntry, bits, "invalid DEFLATE distance code");
            }
            int back = (distanceEntry >>> VALUE_SHIFT) + extraBits(distanceEntry, bits);
            consume(distanceEntry);
            int from = writePos - back;
            if (from < 0) {
                throw new IOException("invalid DEFLATE distance (before the start of the data)");
            }
            copyMatch(window, writePos, from, matchLength);
            writePos += matchLength;
        }
    }

    /** Drops an entry's code and extra bits from the buffer; refuses to have used the padding behind the input. */
    private void consume(int entry) throws IOException {
        bits >>>= entry;
        bitCount -= entry & TOTAL_BITS;
        checkPadding();
    }

    /** The value of an entry's extra bits: the buffer's bits above the code, below the entry's total. */
    private static int extraBits(int entry, long bits) {
        return ((int) bits & ((1 << entry) - 1)) >>> ((entry >>> CODE_LENGTH_SHIFT) & 15);
    }

    /**
     * Copies a match of {@code length} bytes from {@code from} to {@code pos} in {@code out}, which has at least
     * {@code length + 7} bytes of room at {@code pos}.
     */
    private static void copyMatch(byte[] out, int pos, int from, int length) {
        int back = pos - from;
        if (back >= 8) {
            if (back >= length && length > 32) {
                System.arraycopy(out, from, out, pos, length);
            } else {
                // Eight bytes at a time: every load lies at least eight bytes behind the store, so it reads final
                // bytes even when source and target overlap. Up to seven bytes past the match are written too.
                for (int i = 0; i < length; i += 8) {
                    LITTLE_ENDIAN_LONG.set(out, pos + i, (long) LITTLE_ENDIAN_LONG.get(out, from + i));
                }
            }
        } else if (back == 1) {
            Arrays.fill(out, pos, pos + length, out[from]);
        } else if (length <= 16) {
            // A short period, a short match: forward byte copying repeats the period.
            for (int end = pos + length; pos < end; pos++, from++) {
                out[pos] = out[from];
            }
        } else {
            // A period shorter than the match: copy it, then twice as much, and so on.
            int end = pos + length;
            while (pos < end) {
                int chunk = Math.min(end - pos, pos - from);
                System.arraycopy(out, from, out, pos, chunk);
                pos += chunk;
            }
        }
    }

    /**
     * The real entry behind a {@link #SLOW} one: a code longer than the table is decoded canonically; a symbol
     * DEFLATE does not allow (length codes 286-287, distance codes 30-31) is refused with {@code invalid}.
     */
    private static int resolve(Huffman code, int entry, long bits, String invalid) throws IOException {
        if ((entry & TOTAL_BITS) == 0) {
            entry = slowEntry(code, bits);
        }
        if ((entry & SLOW) != 0) {
            throw new IOException(invalid);
        }
        return entry;
    }

    private int decode(Huffman code) throws IOException {
        int entry = code.table[(int) bits & code.mask];
        if ((entry & SLOW) != 0) {
            entry = resolve(code, entry, bits, "invalid DEFLATE code");
        }
        bits >>>= entry;
        bitCount -= entry & TOTAL_BITS;
        return entry >>> VALUE_SHIFT;
    }

    /**
     * The table entry of a code longer than the table. Canonical codes of one length are consecutive numbers, so
     * the next 15 bits read most-significant-first are compared with the first code of each longer length (puff.c's
     * method, a length at a time instead of a bit at a time).
     *
     * @throws IOException when no code matches (an incomplete code's unused pattern)
     */
    private static int slowEntry(Huffman code, long bits) throws IOException {
        int next = Integer.reverse((int) bits) >>> 17;
        for (int length = code.tableBits + 1; length <= 15; length++) {
            int offset = (next >>> (15 - length)) - code.firstCode[length];
            if (offset >= 0 && offset < code.count[length]) {
                return code.entryFor(code.symbols[code.firstIndex[length] + offset], length);
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

    /**
     * A canonical Huffman code: a lookup table for short codes and the counts/symbols for long ones. A table entry
     * says everything the hot loop needs in one load: the value (literal byte, length or distance base; bits 16-30),
     * the code length (bits 8-11), code plus extra bits (bits 0-5, so a long shift by the entry drops them), and
     * flags: {@link #LITERAL} (the sign), {@link #END_OF_BLOCK}, {@link #SLOW} (total 0: a code longer than the table;
     * otherwise a symbol DEFLATE does not allow).
     */
    private static final class Huffman {
        final int kind;
        final int tableBits;
        final int mask;
        final int[] table;
        final int[] count = new int[16];
        /** Canonical code of the first symbol of each length, and that symbol's index in {@link #symbols}. */
        final int[] firstCode = new int[16];
        final int[] firstIndex = new int[16];
        final int[] symbols;
        private final int[] offsets = new int[16];
        private final int[] nextCode = new int[16];

        Huffman(int kind, int maxSymbols, int tableBits) {
            this.kind = kind;
            this.tableBits = tableBits;
            this.mask = (1 << tableBits) - 1;
            this.table = new int[1 << tableBits];
            this.symbols = new int[maxSymbols];
        }

        int entryFor(int symbol, int length) {
            int code = length << CODE_LENGTH_SHIFT | length;
            if (kind == KIND_LITERAL_LENGTH) {
                if (symbol < 256) {
                    return LITERAL | symbol << VALUE_SHIFT | code;
                }
                if (symbol == 256) {
                    return END_OF_BLOCK | code;
                }
                int index = symbol - 257;
                return index < 29 ? LENGTH_BASE[index] << VALUE_SHIFT | code + LENGTH_EXTRA[index] : SLOW | code;
            }
            if (kind == KIND_DISTANCE) {
                return symbol < 30 ? DISTANCE_BASE[symbol] << VALUE_SHIFT | code + DISTANCE_EXTRA[symbol]
                        : SLOW | code;
            }
            return symbol << VALUE_SHIFT | code;
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
            // Patterns no short code fills lead to a long code or to none (an incomplete code): both go the slow way.
            Arrays.fill(table, SLOW);
            for (int symbol = 0; symbol < n; symbol++) {
                int length = lengths[start + symbol];
                if (length == 0) {
                    continue;
                }
                symbols[offsets[length]++] = symbol;
                int canonical = nextCode[length]++;
                if (length <= tableBits) {
                    int reversed = Integer.reverse(canonical) >>> (32 - length);
                    int entry = entryFor(symbol, length);
                    for (int i = reversed; i < table.length; i += 1 << length) {
                        table[i] = entry;
                    }
                }
            }
        }
    }
}
