package dev.trawl.cli.print;

import dev.trawl.decode.DecodedPacket;
import dev.trawl.decode.PacketDecoder;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.Packet;
import dev.trawl.pcap.TimestampPrecision;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Prints packets one line each, as {@code tcpdump} does: timestamp, the protocols' text, and the optional hex
 * dump of {@code -x}/{@code -X}. Each packet is decoded once by trawl-decode's {@link PacketDecoder}; the
 * {@link LayerPrinter}s registered in {@link LayerPrinters} then format its layers, starting from the first.
 * A link type with no printer prints as {@code LINKTYPE_NAME, length N}, or when tcpdump has no printer for it
 * either, as tcpdump does: {@code UNSUPPORTED} and a hex dump of the whole frame.
 *
 * <p>Printing reads the packet's buffer in place and writes to an {@link Out}; it keeps a little state
 * between packets (previous timestamp, TCP sequence bases). Not thread-safe.
 */
public final class PacketPrinter {
    /** tcpdump's largest snapshot length, beyond which it takes a stated length for a damaged one. */
    private static final long MAX_SNAPLEN = 262_144;
    private final Out out;
    private final PrintOptions options;
    private final int fractionDigits;
    private final PacketDecoder decoder = new PacketDecoder().decodeFirstFragments(true);
    private final PrintContext context;
    private final MfrPrinter mfr = new MfrPrinter();
    private final ZoneRules zone = ZoneId.systemDefault().getRules();
    private long zoneBucket = Long.MIN_VALUE;
    private int zoneOffset;
    private long firstNanos = Long.MIN_VALUE;
    private long previousNanos;
    private long dateDay = Long.MIN_VALUE;
    private String dateText;
    private LinkType linkType;

    /**
     * @param out where lines go
     * @param linkType the link type of the packets
     * @param precision the timestamp resolution to print (6 or 9 fraction digits)
     */
    public PacketPrinter(Out out, LinkType linkType, TimestampPrecision precision, PrintOptions options) {
        this.out = out;
        this.options = options;
        this.linkType = linkType;
        this.fractionDigits = precision == TimestampPrecision.NANO ? 9 : 6;
        this.context = new PrintContext(out, options, LayerPrinters.standard());
    }

    /** Switches the link type, as a pcapng file with several interfaces may need. */
    public void linkType(LinkType linkType) {
        this.linkType = linkType;
    }

    /**
     * Prints one packet and its hex dump, ending with a newline; or, for a record whose stated lengths cannot
     * describe a packet (a damaged or hand-made file), only what is wrong with them, as tcpdump does.
     */
    public void print(Packet packet) {
        if (invalidHeader(packet.capturedLength(), packet.originalLength())) {
            return;
        }
        timestamp(packet.timestampSeconds(), packet.timestampNanos());
        ByteBuffer data = packet.data();
        int start = data.position();
        int end = data.limit();
        DecodedPacket p = decoder.decode(decodedAs(linkType), data, start, end - start, packet.originalLength(),
                packet.timestampSeconds(), packet.timestampNanos());
        context.reset(p);
        int type = linkType.value();
        if (options.linkHeader() && (type == LinkType.IPV4.value() || type == LinkType.IPV6.value())) {
            out.ascii("ip: "); // tcpdump prints these links as LINKTYPE_RAW, whose only link header is this word
        }
        int first = context.first();
        if (first < 0 || !context.print(first)) {
            if (first >= 0 && linkType.value() == LinkType.MFR.value()) {
                mfr.print(context); // a link type decode names no layer for, as Wireshark reads none
            } else if (TcpdumpLinkTypes.printed(linkType.value())) {
                out.ascii(linkType.name()).ascii(", length ").num(packet.originalLength());
            } else {
                // tcpdump's answer for a link type it has no printer for: the word in capitals and every byte
                out.ascii("UNSUPPORTED");
                PrintContext.hexLines(out, data, start, end, true);
            }
        }
        if (options.hex() > 0) {
            // the decoder may have read a copy: its indexes count from its own start
            int linkHeader = Math.max(0, context.linkHeaderEnd() - p.start());
            int from = options.hex() > 1 ? start : Math.min(start + linkHeader, end);
            hexDump(data, from, end);
        }
        out.nl();
    }

    /**
     * The link type whose decoder reads the packets: the file's, except LINKTYPE_USER2, which tcpdump reads as
     * Apple's PKTAP (the value Darwin gives it).
     */
    private static int decodedAs(LinkType type) {
        return type.value() == LinkType.USER2.value() ? LinkType.PKTAP.value() : type.value();
    }

    /**
     * Prints tcpdump's line for a record it refuses to print: no bytes captured, none on the wire, more
     * captured than were on the wire, or either length beyond tcpdump's largest snapshot length. Such a record
     * leaves the printer's state (the previous timestamp) as it was.
     *
     * @return whether the record was refused
     */
    private boolean invalidHeader(int caplen, int len) {
        long cap = Integer.toUnsignedLong(caplen);
        long wire = Integer.toUnsignedLong(len);
        boolean lengthsWrong = wire == 0 || wire < cap;
        if (cap != 0 && !lengthsWrong && cap <= MAX_SNAPLEN && wire <= MAX_SNAPLEN) {
            return false;
        }
        out.ascii("[Invalid header:");
        int complaints = 0;
        if (cap == 0) {
            part(complaints++).ascii("caplen==0");
        }
        if (wire == 0) {
            part(complaints++).ascii("len==0");
        } else if (wire < cap) {
            part(complaints++).ascii("len(").num(wire).ascii(") < caplen(").num(cap).ch(')');
        }
        if (cap > MAX_SNAPLEN) {
            part(complaints++).ascii("caplen(").num(cap).ascii(") > ").num(MAX_SNAPLEN);
        }
        if (wire > MAX_SNAPLEN) {
            part(complaints).ascii("len(").num(wire).ascii(") > ").num(MAX_SNAPLEN);
        }
        out.ch(']').nl();
        return true;
    }

    /** Starts the complaint numbered {@code index} (from 0) of an invalid header's list. */
    private Out part(int index) {
        return out.ascii(index == 0 ? " " : ", ");
    }

    private void timestamp(long seconds, int nanos) {
        long now = seconds * 1_000_000_000L + nanos;
        PrintOptions.TimestampStyle style = options.timestamps();
        boolean absolute = style == PrintOptions.TimestampStyle.TIME || style == PrintOptions.TimestampStyle.EPOCH
                || style == PrintOptions.TimestampStyle.DATE_TIME;
        // tcpdump keeps the seconds in a signed 32-bit field and refuses to print those past 2038-01-19
        if (absolute && (seconds & 0x8000_0000L) != 0) {
            out.ascii("[Error converting time] ");
            return;
        }
        switch (style) {
            case NONE -> {
                return;
            }
            case EPOCH -> {
                out.num(seconds).ch('.');
                fraction(nanos);
            }
            case TIME -> timeOfDay(seconds, nanos);
            case DATE_TIME -> {
                long local = seconds + offset(seconds);
                long day = Math.floorDiv(local, 86_400);
                if (day != dateDay) {
                    dateDay = day;
                    dateText = LocalDate.ofEpochDay(day).toString();
                }
                out.ascii(dateText).ch(' ');
                clock(Math.floorMod(local, 86_400), nanos);
            }
            case DELTA_PREVIOUS, DELTA_FIRST -> {
                if (firstNanos == Long.MIN_VALUE) {
                    firstNanos = now;
                    previousNanos = now;
                }
                long base = options.timestamps() == PrintOptions.TimestampStyle.DELTA_FIRST ? firstNanos : previousNanos;
                long delta = now - base;
                // tcpdump prints a negative delta (packets out of order) with a leading minus
                out.ch(delta < 0 ? '-' : ' ');
                delta = Math.abs(delta);
                long secs = delta / 1_000_000_000L;
                out.num(secs / 3600, 2).ch(':').num(secs / 60 % 60, 2).ch(':').num(secs % 60, 2).ch('.');
                fraction((int) (delta % 1_000_000_000L));
                previousNanos = now;
            }
        }
        out.ch(' ');
    }

    private void timeOfDay(long seconds, int nanos) {
        long local = seconds + offset(seconds);
        clock(Math.floorMod(local, 86_400), nanos);
    }

    private void clock(long secondOfDay, int nanos) {
        out.num(secondOfDay / 3600, 2).ch(':').num(secondOfDay / 60 % 60, 2).ch(':').num(secondOfDay % 60, 2).ch('.');
        fraction(nanos);
    }

    private void fraction(int nanos) {
        if (fractionDigits == 9) {
            out.num(nanos, 9);
        } else {
            out.num(nanos / 1000, 6);
        }
    }

    private int offset(long seconds) {
        long bucket = Math.floorDiv(seconds, 900); // zone changes happen on quarter hours
        if (bucket != zoneBucket) {
            zoneBucket = bucket;
            zoneOffset = zone.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        }
        return zoneOffset;
    }

    private void hexDump(ByteBuffer data, int from, int to) {
        PrintContext.hexLines(out, data, from, to, options.ascii());
    }
}
