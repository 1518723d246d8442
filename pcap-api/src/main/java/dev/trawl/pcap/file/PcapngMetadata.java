package dev.trawl.pcap.file;

import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.MalformedCaptureException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the pcapng blocks that describe rather than carry packets: section headers, interface descriptions,
 * statistics, name resolution and decryption secrets. Interface descriptions are checked strictly (their
 * options decide timestamps), as libpcap does; the others are read as far as they are intact and otherwise
 * kept partially, since libpcap ignores them.
 */
final class PcapngMetadata {
    private static final int SHB_HARDWARE = 2, SHB_OS = 3, SHB_USERAPPL = 4;
    private static final int IF_NAME = 2, IF_DESCRIPTION = 3, IF_TSRESOL = 9, IF_FILTER = 11, IF_OS = 12,
            IF_FCSLEN = 13, IF_TSOFFSET = 14;
    private static final int ISB_IFRECV = 4, ISB_IFDROP = 5, ISB_FILTERACCEPT = 6, ISB_OSDROP = 7, ISB_USRDELIV = 8;
    private static final int NRB_IPV4 = 1, NRB_IPV6 = 2;

    /** How many descriptive records a file may leave in memory; more are counted as skipped, not kept. */
    static final int MAX_RETAINED = 1 << 20;

    private final RecordReader reader;
    private final Options options = new Options();
    private int budget = MAX_RETAINED;

    PcapngMetadata(RecordReader reader) {
        this.reader = reader;
    }

    /** Takes one record from the budget; false when a damaged or hostile file has used it up. */
    boolean keep() {
        if (budget > 0) {
            budget--;
            return true;
        }
        return false;
    }

    void sectionHeader(ByteBuffer b, int p, int length, Section section) {
        Options o = options.reset(b, p + 24, p + length - 4);
        while (o.advance()) {
            switch (o.code) {
                case Options.COMMENT -> {
                    if (keep()) {
                        section.comments.add(o.string());
                    }
                }
                case SHB_HARDWARE -> section.hardware = o.string();
                case SHB_OS -> section.os = o.string();
                case SHB_USERAPPL -> section.application = o.string();
                default -> {
                }
            }
        }
    }

    Interface interfaceDescription(ByteBuffer b, int p, int length, Section section)
            throws MalformedCaptureException {
        if (length < 20) {
            throw reader.malformed("Interface Description Block of " + length + " bytes is shorter than 20",
                    reader.in.offset(p));
        }
        int linkType = b.getShort(p + 8) & 0xFFFF;
        int snaplen = b.getInt(p + 12);
        String name = null, description = null, filter = null, os = null;
        int fcslen = -1;
        int tsresol = -1;
        long tsOffset = 0;
        boolean haveOffset = false;
        List<String> comments = new ArrayList<>();
        Options o = options.reset(b, p + 16, p + length - 4);
        while (o.advance()) {
            switch (o.code) {
                case Options.COMMENT -> comments.add(o.string());
                case IF_NAME -> name = o.string();
                case IF_DESCRIPTION -> description = o.string();
                case IF_OS -> os = o.string();
                case IF_FILTER -> {
                    if (o.length >= 1 && o.u8() == 0) {
                        o.value++;
                        o.length--;
                        filter = o.string();
                    }
                }
                case IF_FCSLEN -> {
                    if (o.length == 1) {
                        fcslen = o.u8();
                    }
                }
                case IF_TSRESOL -> {
                    if (o.length != 1) {
                        throw bad(p, "has an if_tsresol option with length " + o.length + " != 1");
                    }
                    if (tsresol != -1) {
                        throw bad(p, "has more than one if_tsresol option");
                    }
                    tsresol = o.u8();
                    if (!Interface.supported(tsresol)) {
                        throw bad(p, "has an unsupported if_tsresol 0x" + Integer.toHexString(tsresol));
                    }
                }
                case IF_TSOFFSET -> {
                    if (o.length != 8) {
                        throw bad(p, "has an if_tsoffset option with length " + o.length + " != 8");
                    }
                    if (haveOffset) {
                        throw bad(p, "has more than one if_tsoffset option");
                    }
                    haveOffset = true;
                    tsOffset = o.u64();
                }
                default -> {
                }
            }
        }
        if (o.malformed) {
            throw reader.malformed("Interface Description Block has an option running past the end of the block,"
                    + " or an opt_endofopt with a length", reader.in.offset(o.malformedAt));
        }
        if (tsresol == -1) {
            tsresol = InterfaceInfo.TSRESOL_MICRO;
        }
        InterfaceInfo info = new InterfaceInfo(LinkType.valueOf(linkType), snaplen, name, description, filter, os,
                fcslen, tsresol, tsOffset, comments);
        if (section == null) {
            // a cursor keeps no descriptive blocks: the interface itself is all it needs
        } else if (keep()) {
            section.interfaces.add(info);
        } else {
            section.skipped++;
        }
        return new Interface(linkType, RecordReader.adjustSnapshot(linkType, snaplen), tsresol, tsOffset, info);
    }

    private MalformedCaptureException bad(int p, String what) {
        return reader.malformed("Interface Description Block " + what, reader.in.offset(p));
    }

    void statistics(ByteBuffer b, int p, int length, Section section, Interface[] interfaces, int count) {
        if (length < 24) {
            section.skipped++;
            return;
        }
        int id = b.getInt(p + 8);
        long t = (long) b.getInt(p + 12) << 32 | (b.getInt(p + 16) & 0xFFFFFFFFL);
        Interface f = id >= 0 && id < count ? interfaces[id]
                : new Interface(0, 0, InterfaceInfo.TSRESOL_MICRO, 0, null);
        FilePacket scratch = new FilePacket();
        f.convert(t, scratch, true);
        long received = -1, dropped = -1, accepted = -1, osDropped = -1, delivered = -1;
        List<String> comments = new ArrayList<>();
        Options o = options.reset(b, p + 20, p + length - 4);
        while (o.advance()) {
            switch (o.code) {
                case Options.COMMENT -> comments.add(o.string());
                case ISB_IFRECV -> received = o.u64();
                case ISB_IFDROP -> dropped = o.u64();
                case ISB_FILTERACCEPT -> accepted = o.u64();
                case ISB_OSDROP -> osDropped = o.u64();
                case ISB_USRDELIV -> delivered = o.u64();
                default -> {
                }
            }
        }
        if (keep()) {
            section.statistics.add(new InterfaceStatistics(id, instant(scratch), received, dropped, accepted,
                    osDropped, delivered, comments));
        } else {
            section.skipped++;
        }
    }

    private static Instant instant(FilePacket p) {
        try {
            return Instant.ofEpochSecond(p.timestampSeconds(), p.timestampNanos());
        } catch (java.time.DateTimeException e) {
            return p.timestampSeconds() < 0 ? Instant.MIN : Instant.MAX; // a damaged timestamp beyond Instant's range
        }
    }

    void names(ByteBuffer b, int p, int length, Section section) {
        int at = p + 8;
        int end = p + length - 4;
        while (end - at >= 4) {
            int type = b.getShort(at) & 0xFFFF;
            int len = b.getShort(at + 2) & 0xFFFF;
            int value = at + 4;
            if (type == 0 || ((len + 3) & ~3) > end - value) {
                return;
            }
            int addressLength = type == NRB_IPV4 ? 4 : type == NRB_IPV6 ? 16 : -1;
            if (addressLength > 0 && len >= addressLength) {
                byte[] address = new byte[addressLength];
                b.get(value, address);
                List<String> names = new ArrayList<>();
                int start = value + addressLength;
                for (int i = start; i < value + len; i++) {
                    if (b.get(i) == 0) {
                        names.add(text(b, start, i));
                        start = i + 1;
                    }
                }
                if (start < value + len) {
                    names.add(text(b, start, value + len));
                }
                try {
                    if (keep()) {
                        section.names.add(new SectionInfo.NameRecord(InetAddress.getByAddress(address), names));
                    }
                } catch (UnknownHostException e) {
                    throw new AssertionError(e); // lengths 4 and 16 are always accepted
                }
            }
            at = value + ((len + 3) & ~3);
        }
    }

    private static String text(ByteBuffer b, int from, int to) {
        byte[] bytes = new byte[to - from];
        b.get(from, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    void secrets(ByteBuffer b, int p, int length, Section section) {
        if (length < 20) {
            section.skipped++;
            return;
        }
        int type = b.getInt(p + 8);
        int len = b.getInt(p + 12);
        if (len < 0 || len > length - 20) {
            section.skipped++;
            return;
        }
        byte[] data = new byte[len];
        b.get(p + 16, data);
        if (keep()) {
            section.secrets.add(new SectionInfo.DecryptionSecrets(type, data));
        } else {
            section.skipped++;
        }
    }
}
