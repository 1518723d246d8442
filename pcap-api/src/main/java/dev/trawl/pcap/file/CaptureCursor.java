package dev.trawl.pcap.file;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A low-level cursor over the records of a classic pcap file or the blocks of a pcapng file, for code that
 * needs what a handle hides: where each record is, its header fields, its bytes, every pcapng block (not only
 * packets), and reading from any offset. It is the codec the {@code java} backend's handles read with, so it
 * accepts and refuses exactly what they do, with the same {@link MalformedCaptureException} messages.
 *
 * <pre>
 * classic pcap                                 pcapng
 * +------------------------+ offset 0          +------------------------+ offset 0
 * | file header (24 bytes) |                   | Section Header Block   |  byte order, version
 * +------------------------+ 24                +------------------------+
 * | record header (16)     | &lt;- next()         | Interface Description  |  link type, tsresol, tsoffset
 * | packet bytes           |                   +------------------------+
 * +------------------------+                   | Enhanced Packet Block  | &lt;- next()
 * | record header          |                   +------------------------+
 * | ...                    |                   | Interface Statistics, Name Resolution, custom ... |
 * </pre>
 *
 * <p>{@link #next()} moves to the next record or block and reads it: afterwards {@link #offset()} is where it
 * starts, {@link #recordLength()} how long it is, {@link #blockType()} what it is, and for a packet
 * ({@link #isPacket()}) the time, lengths, interface, link type and bytes. A pcap file's header is read on
 * opening; a pcapng file's blocks all come through {@code next()}, the Section Header and Interface Description
 * Blocks too, and the cursor keeps what they say (byte order, interfaces) for the blocks that follow, as a
 * sequential reader does. {@link #seek(long)} makes any offset the place the next record is read from: to read
 * a pcapng section from its middle, seek to its Section Header Block and its Interface Description Blocks and
 * read each, then seek to where reading starts. {@link #peek(long, RecordHeader)} frames the record at any offset
 * without reading it, moving, throwing or allocating, which is what a reader looking for a record boundary in
 * the middle of a file needs.
 *
 * <p>Timestamps are converted as libpcap converts them (a pcap fraction out of range carries into the seconds;
 * pcapng's {@code if_tsresol} and {@code if_tsoffset} apply), to the nanosecond. Captured lengths are what libpcap
 * delivers: a pcap record longer than the file's snapshot length is cut to it ({@link #recordedLength()} says
 * what the record states).
 *
 * <p>Reading allocates nothing per record once the cursor's buffers have grown to the largest record (a pcapng
 * Interface Description Block, or a packet comment, makes the objects that describe it). Not thread-safe.
 *
 * <p><b>Buffers:</b> {@link #data()}, {@link #recordedData()} and {@link #record()} return read-only views owned
 * by the cursor, valid until it next moves ({@code next}, {@code seek}, {@code peek}) or closes; copy what you
 * keep.
 */
public final class CaptureCursor implements Closeable {
    /** {@link RecordHeader#status()}: a record or block that {@link #next()} would frame as one. */
    public static final int RECORD = 1;
    /** {@link RecordHeader#status()}: no byte at the offset. */
    public static final int END = 0;
    /** {@link RecordHeader#status()}: the input ends inside the record or block. */
    public static final int TRUNCATED = -1;
    /** {@link RecordHeader#status()}: a header no reader accepts. */
    public static final int MALFORMED = -2;

    /** pcapng Section Header Block (the same in both byte orders). */
    public static final int SECTION_HEADER = PcapngReader.SHB;
    /** pcapng Interface Description Block. */
    public static final int INTERFACE_DESCRIPTION = PcapngReader.IDB;
    /** pcapng Packet Block (obsolete). */
    public static final int PACKET = PcapngReader.PB;
    /** pcapng Simple Packet Block. */
    public static final int SIMPLE_PACKET = PcapngReader.SPB;
    /** pcapng Name Resolution Block. */
    public static final int NAME_RESOLUTION = PcapngReader.NRB;
    /** pcapng Interface Statistics Block. */
    public static final int INTERFACE_STATISTICS = PcapngReader.ISB;
    /** pcapng Enhanced Packet Block. */
    public static final int ENHANCED_PACKET = PcapngReader.EPB;
    /** pcapng Decryption Secrets Block. */
    public static final int DECRYPTION_SECRETS = PcapngReader.DSB;
    /** pcapng Custom Block that may be copied to other files. */
    public static final int CUSTOM = 0x00000BAD;
    /** pcapng Custom Block that must not be copied to other files. */
    public static final int CUSTOM_NO_COPY = 0x40000BAD;

    /**
     * Bytes that can be read at any position: a Hadoop file, an object in a store. The cursor reads through a
     * window, one large read at a time: 64 KiB after a seek, doubling as reading goes on, up to a megabyte (so a
     * reader that looks at a few records here and there reads little more than those). It closes the source
     * when it is closed.
     */
    @FunctionalInterface
    public interface Source extends Closeable {
        /**
         * Reads up to {@code length} bytes at {@code position} into {@code target}.
         *
         * @return the number read, at least 1 unless {@code position} is at the end (then 0 or -1)
         */
        int read(long position, byte[] target, int offset, int length) throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    private final RecordReader reader;
    private final Input in;
    private final FilePacket packet;
    private ByteBuffer recordView;
    private ByteBuffer recordViewOf;
    /** Whether a peek has moved the input away from where the next record is read. */
    private boolean peeked;

    private CaptureCursor(RecordReader reader) {
        this.reader = reader;
        this.in = reader.in;
        this.packet = reader.packet;
    }

    /**
     * Opens a file, read through a window of positioned reads. A gzip-compressed file (or a pipe) can be read
     * forward only: {@link #seek(long)} back fails.
     *
     * @throws PcapException if the file cannot be opened, or is not a pcap or pcapng file
     */
    public static CaptureCursor open(Path file) throws PcapException {
        Objects.requireNonNull(file, "file");
        return new CaptureCursor(CaptureFiles.openForCursor(file));
    }

    /**
     * Reads a stream, forward only (gzip-compressed data is recognised and decompressed): {@link #seek(long)}
     * goes forward by skipping, and back only within the record last read. The cursor closes the stream.
     *
     * @param name the name messages give the stream
     */
    public static CaptureCursor open(InputStream in, String name) throws PcapException {
        Objects.requireNonNull(in, "in");
        return new CaptureCursor(CaptureFiles.openForCursor(new StreamInput(in, Objects.requireNonNull(name))));
    }

    /**
     * Reads from a source that reads at any position.
     *
     * @param length the source's length in bytes
     * @param name the name messages give the source, usually its path
     */
    public static CaptureCursor open(Source source, long length, String name) throws PcapException {
        Objects.requireNonNull(source, "source");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        return new CaptureCursor(CaptureFiles.openForCursor(new SourceInput(source, length,
                Objects.requireNonNull(name))));
    }

    /** Reads a capture held in memory: the bytes between the buffer's position and limit, not copied. */
    public static CaptureCursor wrap(ByteBuffer bytes, String name) throws PcapException {
        Objects.requireNonNull(bytes, "bytes");
        return new CaptureCursor(CaptureFiles.openForCursor(new BufferInput(bytes, Objects.requireNonNull(name))));
    }

    /** pcap or pcapng. */
    public CaptureFormat format() {
        return reader.format();
    }

    /**
     * The resolution of the pcap file's timestamps (its magic says micro- or nanoseconds); for pcapng, of the
     * current packet's interface ({@code NANO} for anything finer than microseconds).
     */
    public TimestampPrecision filePrecision() {
        return reader.filePrecision();
    }

    /** The name messages give the input. */
    public String name() {
        return in.name;
    }

    /** The input's length in bytes (of the decompressed data for gzip), or -1 when it is not known (a stream). */
    public long length() {
        return in.length();
    }

    /** The byte order of the pcap file, or of the current pcapng section. */
    public ByteOrder byteOrder() {
        return reader.byteOrder();
    }

    /** The pcap file's major version, or the current pcapng section's. */
    public int majorVersion() {
        return reader instanceof PcapngReader ng ? ng.sectionMajor : reader.majorVersion();
    }

    /** The pcap file's minor version, or the current pcapng section's. */
    public int minorVersion() {
        return reader instanceof PcapngReader ng ? ng.sectionMinor : reader.minorVersion();
    }

    /**
     * Moves to the next record or block and reads it.
     *
     * @return false at the clean end of the input (no byte left where a record would start)
     * @throws MalformedCaptureException if the record or block cannot be read (its message and
     *     {@link MalformedCaptureException#offset()} say what and where; {@link #offset()} is where the record
     *     starts, and {@link #recordLength()} its length when its framing was sound (a pcapng block whose contents
     *     are bad), else 0, so that a caller may go on after it or look for the next record)
     * @throws IOException if reading the input fails
     */
    public boolean next() throws IOException {
        if (peeked) {
            peeked = false;
            in.mark = -1;
            reader.seek(reader.recordOffset + reader.recordLength);
        }
        return reader.nextRecord();
    }

    /**
     * Makes {@code offset} the place the next record or block is read from. Nothing is checked until
     * {@link #next()}; the pcapng section and interfaces stay those last read.
     *
     * @throws IOException if a forward-only input is asked to go back
     */
    public void seek(long offset) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        peeked = false;
        in.mark = -1;
        reader.seek(offset);
    }

    /**
     * Tells the cursor that reading stops at the record that begins at or after {@code offset}: an input read
     * through positioned reads then reads no further ahead than there, except the bytes a record needs. For
     * readers of one part of a file.
     */
    public void limitReadAhead(long offset) {
        in.readAheadLimit = offset;
    }

    /** The file offset of the current record or block (after {@link #seek(long)}, the offset sought). */
    public long offset() {
        return reader.recordOffset;
    }

    /** The current record's or block's length in the file, header and trailer included; 0 after a seek. */
    public long recordLength() {
        return reader.recordLength;
    }

    /** Where the record after the current one starts: where {@link #next()} reads. */
    public long nextOffset() {
        return reader.recordOffset + reader.recordLength;
    }

    /** The current pcapng block's type ({@link #ENHANCED_PACKET}, {@link #SECTION_HEADER}, ...); 0 for pcap. */
    public int blockType() {
        return reader.blockType;
    }

    /** Whether the current record carries a packet: every pcap record, and pcapng Enhanced, Simple and Packet Blocks. */
    public boolean isPacket() {
        return reader.isPacket();
    }

    /**
     * The packet's (or an Interface Statistics Block's) seconds since the epoch, or a Simple Packet Block's
     * interface offset (it has no time of its own).
     */
    public long seconds() {
        return packet.timestampSeconds();
    }

    /** The nanoseconds within {@link #seconds()}. */
    public int nanos() {
        return packet.timestampNanos();
    }

    /** The packet's captured length as libpcap delivers it: the bytes of {@link #data()}. */
    public int capturedLength() {
        return packet.capturedLength();
    }

    /**
     * The captured length the record states; more than {@link #capturedLength()} only for a pcap record longer
     * than the file's snapshot length, which libpcap cuts to it.
     */
    public int recordedLength() {
        if (reader instanceof PcapReader pcap) {
            return (int) (reader.recordLength - pcap.recordHeaderLength());
        }
        return packet.capturedLength();
    }

    /** The packet's length on the wire. */
    public int originalLength() {
        return packet.originalLength();
    }

    /** The pcapng interface of the packet (or statistics); 0 for pcap. */
    public int interfaceId() {
        return packet.interfaceId;
    }

    /** The link type of the packet: the pcap file's, or the packet's pcapng interface's ({@code LINKTYPE_} value). */
    public int linkType() {
        return reader.packetLinkType();
    }

    /**
     * The snapshot length libpcap applies to the packet: the pcap file's, or its pcapng interface's (a stated 0,
     * or one beyond {@code INT_MAX}, means the link type's largest).
     */
    public int snapshotLength() {
        return reader.packetSnapshot();
    }

    /** The packet's comment (pcapng {@code opt_comment}, the first one), or null. */
    public String comment() {
        return packet.comment;
    }

    /** The packet's pcapng flags word ({@code epb_flags}), or -1 when it has none. */
    public long flags() {
        return packet.flags;
    }

    /** The packet's bytes as libpcap delivers them, between the view's position and limit. See "Buffers" above. */
    public ByteBuffer data() {
        return packet.data();
    }

    /** All the bytes the packet record holds ({@link #recordedLength()} of them). See "Buffers" above. */
    public ByteBuffer recordedData() {
        int recorded = recordedLength();
        ByteBuffer data = packet.data();
        return view(data.position(), recorded).order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * The whole current record or block as stored, header (and pcapng trailer) included, in the file's or
     * section's byte order. See "Buffers" above.
     */
    public ByteBuffer record() {
        return view((int) (reader.recordOffset - in.base), (int) reader.recordLength).order(reader.byteOrder());
    }

    private ByteBuffer view(int start, int length) {
        if (recordViewOf != in.buf) {
            recordViewOf = in.buf;
            recordView = in.buf.asReadOnlyBuffer();
        }
        return recordView.limit(start + length).position(start);
    }

    /** How many interfaces the current pcapng section has described so far; 1 for pcap. */
    public int interfaceCount() {
        return reader instanceof PcapngReader ng ? ng.interfaceCount() : 1;
    }

    /**
     * What an Interface Description Block of the current pcapng section says: link type, snapshot length,
     * {@code if_tsresol}, {@code if_tsoffset}, name and the rest; null for pcap or an id not described.
     */
    public InterfaceInfo interfaceInfo(int id) {
        return reader instanceof PcapngReader ng ? ng.interfaceInfo(id) : null;
    }

    /**
     * Frames the record or block at {@code offset} as {@link #next()} would, reading only its header (and a
     * pcapng block's trailer), in the byte order of the pcap file or current pcapng section. The cursor does not
     * move and keeps its state.
     */
    public RecordHeader peek(long offset, RecordHeader into) throws IOException {
        return peek(offset, reader.byteOrder(), into);
    }

    /**
     * As {@link #peek(long, RecordHeader)}, reading a pcapng block in {@code order} (a Section Header Block
     * announces its own); for looking for blocks in a section whose header has not been read.
     */
    public RecordHeader peek(long offset, ByteOrder order, RecordHeader into) throws IOException {
        Objects.requireNonNull(order, "order");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (!peeked) {
            peeked = true;
            in.mark = reader.recordOffset + reader.recordLength; // a stream keeps what the next record needs
        }
        reader.peek(offset, order, into);
        return into;
    }

    /** Closes the input (and the stream or source given). Idempotent. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "CaptureCursor[" + in.name + ", " + reader.format() + " at " + reader.recordOffset + "]";
    }
}
