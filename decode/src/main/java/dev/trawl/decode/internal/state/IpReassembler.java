package dev.trawl.decode.internal.state;

import dev.trawl.decode.spi.FragmentReassembly;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts IPv4 and IPv6 datagrams back together from their fragments, as Wireshark does by default: the
 * fragment that completes a datagram (whatever its place in it) yields the whole payload, which the decoder
 * then decodes in that frame; every other fragment stays opaque.
 *
 * <p>A datagram is identified as Wireshark identifies it: by IP version, addresses, identification, and for
 * IPv4 the protocol, plus the VLAN it travels in. A fragment joins only when all its bytes were captured (a
 * datagram with a truncated fragment never completes, as in Wireshark). Overlapping fragments keep the bytes
 * that arrived first. Memory is bounded: at most {@link #MAX_PENDING} datagrams wait at once (the oldest is
 * dropped for a new one) and none grows past 65,535 payload bytes (an IPv4 fragment that would end beyond
 * that is ignored).
 *
 * <p>Fragments are rare on the packet path, so this class allocates freely; a packet that is not a fragment
 * never reaches it. Not thread-safe: one per decoder. While the decoder decodes a completing frame again, this
 * is what its context tells the IP decoders ({@link #place}).
 */
public final class IpReassembler implements FragmentReassembly {
    /** How many datagrams may wait for fragments at once. */
    static final int MAX_PENDING = 1024;
    /** The largest payload a datagram can have: the IPv4 total length is 16 bits. */
    static final int MAX_PAYLOAD = 65_535;

    /** What identifies a datagram; the addresses are 4 or 16 bytes. */
    private record Key(int version, int vlan, long id, int protocol, byte[] source, byte[] destination) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && k.vlan == vlan && k.id == id
                    && k.protocol == protocol && Arrays.equals(k.source, source)
                    && Arrays.equals(k.destination, destination);
        }

        @Override
        public int hashCode() {
            return ((Long.hashCode(id) * 31 + protocol) * 31 + vlan) * 31 + Arrays.hashCode(source) * 17
                    + Arrays.hashCode(destination) + version;
        }
    }

    /** The fragments of one datagram so far. */
    private static final class Datagram {
        byte[] bytes = new byte[2048];
        /** One bit per payload byte present. */
        long[] present = new long[2048 / 64];
        /** The payload length, known once the last fragment (no more fragments) arrived; -1 before. */
        int length = -1;
        /** The next-header value of the first fragment (IPv6), or the protocol (IPv4). */
        int protocol = -1;

        void ensure(int size) {
            if (size > bytes.length) {
                int capacity = Math.min(MAX_PAYLOAD, Math.max(size, bytes.length * 2));
                bytes = Arrays.copyOf(bytes, capacity);
                present = Arrays.copyOf(present, (capacity + 63) / 64);
            }
        }

        /** Copies in the bytes not already present (the first copy of an overlapped byte wins). */
        void add(int offset, byte[] src, int from, int count) {
            ensure(offset + count);
            for (int i = 0; i < count; i++) {
                int at = offset + i;
                long bit = 1L << (at & 63);
                if ((present[at >>> 6] & bit) == 0) {
                    present[at >>> 6] |= bit;
                    bytes[at] = src[from + i];
                }
            }
        }

        boolean complete() {
            if (length < 0) {
                return false;
            }
            for (int at = 0; at < length; at++) {
                if ((present[at >>> 6] & (1L << (at & 63))) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final LinkedHashMap<Key, Datagram> pending = new LinkedHashMap<>();
    private byte[] completed = new byte[0];
    private int completedLength;
    private int completedProtocol;
    /** Where the decoder put the completed payload to decode it again: the header's offset, or -1. */
    private int placedAt = -1;
    private int placedLength;
    private int placedProtocol = -1;

    /** Forgets every waiting fragment. */
    public void clear() {
        pending.clear();
        completedLength = 0;
    }

    /** How many datagrams wait for fragments. */
    public int pending() {
        return pending.size();
    }

    /**
     * Adds an IPv4 fragment.
     *
     * @param header the buffer holding the IPv4 header at {@code offset}
     * @param payloadStart where the fragment's payload starts (after the header and its options)
     * @param payloadLength the payload length the header announces; all of it must be in the buffer
     * @param vlan the VLAN id the datagram travels in, or 0
     * @return whether this fragment completed its datagram: {@link #payload()} then holds it
     */
    public boolean addIpv4(byte[] header, int offset, int payloadStart, int payloadLength, int vlan) {
        int flagsAndOffset = (header[offset + 6] & 0xFF) << 8 | header[offset + 7] & 0xFF;
        int fragmentOffset = (flagsAndOffset & 0x1FFF) * 8;
        boolean more = (flagsAndOffset & 0x2000) != 0;
        int protocol = header[offset + 9] & 0xFF;
        long id = (header[offset + 4] & 0xFF) << 8 | header[offset + 5] & 0xFF;
        Key key = new Key(4, vlan, id, protocol, Arrays.copyOfRange(header, offset + 12, offset + 16),
                Arrays.copyOfRange(header, offset + 16, offset + 20));
        return add(key, fragmentOffset, more, protocol, header, payloadStart, payloadLength);
    }

    /**
     * Adds an IPv6 fragment.
     *
     * @param ipv6 the buffer holding the IPv6 header at {@code offset}
     * @param fragmentHeader where the fragment extension header starts
     * @param payloadStart where the fragmentable part starts (after the fragment header)
     * @param payloadLength its length; all of it must be in the buffer
     * @param vlan the VLAN id the datagram travels in, or 0
     * @return whether this fragment completed its datagram: {@link #payload()} then holds it
     */
    public boolean addIpv6(byte[] ipv6, int offset, int fragmentHeader, int payloadStart, int payloadLength,
            int vlan) {
        int offsetAndFlags = (ipv6[fragmentHeader + 2] & 0xFF) << 8 | ipv6[fragmentHeader + 3] & 0xFF;
        int fragmentOffset = offsetAndFlags & 0xFFF8;
        boolean more = (offsetAndFlags & 1) != 0;
        long id = ((ipv6[fragmentHeader + 4] & 0xFFL) << 24) | (ipv6[fragmentHeader + 5] & 0xFF) << 16
                | (ipv6[fragmentHeader + 6] & 0xFF) << 8 | ipv6[fragmentHeader + 7] & 0xFF;
        Key key = new Key(6, vlan, id, 0, Arrays.copyOfRange(ipv6, offset + 8, offset + 24),
                Arrays.copyOfRange(ipv6, offset + 24, offset + 40));
        // The first fragment's next header names what the reassembled payload is.
        int protocol = fragmentOffset == 0 ? ipv6[fragmentHeader] & 0xFF : -1;
        return add(key, fragmentOffset, more, protocol, ipv6, payloadStart, payloadLength);
    }

    private boolean add(Key key, int fragmentOffset, boolean more, int protocol, byte[] src, int from, int count) {
        if (count < 0 || (long) fragmentOffset + count > MAX_PAYLOAD || (more && count == 0)) {
            return false;
        }
        Datagram d = pending.get(key);
        if (d == null) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<Map.Entry<Key, Datagram>> oldest = pending.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
            d = new Datagram();
            pending.put(key, d);
        }
        if (!more) {
            int end = fragmentOffset + count;
            if (d.length >= 0 && d.length != end) {
                return false; // a second, different last fragment: keep the first
            }
            d.length = end;
        }
        if (protocol >= 0 && d.protocol < 0) {
            d.protocol = protocol;
        }
        d.add(fragmentOffset, src, from, count);
        if (!d.complete() || d.protocol < 0) {
            return false;
        }
        pending.remove(key);
        if (completed.length < d.length) {
            completed = new byte[Math.max(d.length, 2048)];
        }
        System.arraycopy(d.bytes, 0, completed, 0, d.length);
        completedLength = d.length;
        completedProtocol = d.protocol;
        return true;
    }

    /** The bytes of the datagram the last {@code add} completed: valid until the next {@code add}. */
    public byte[] payload() {
        return completed;
    }

    /** The length of {@link #payload()}. */
    public int payloadLength() {
        return completedLength;
    }

    /** The protocol (IPv4) or next header (IPv6, from the first fragment) of the completed datagram. */
    public int payloadProtocol() {
        return completedProtocol;
    }

    /**
     * Says that the decoder decodes the frame again with {@link #payload()} right behind the header at
     * {@code headerOffset} (the IPv4 header or the IPv6 fragment header), or, with -1, that it is done.
     */
    public void place(int headerOffset) {
        placedAt = headerOffset;
        placedLength = completedLength;
        placedProtocol = completedProtocol;
    }

    @Override
    public int payloadLength(int headerOffset) {
        return headerOffset == placedAt ? placedLength : -1;
    }

    @Override
    public int nextHeader() {
        return placedProtocol;
    }
}
