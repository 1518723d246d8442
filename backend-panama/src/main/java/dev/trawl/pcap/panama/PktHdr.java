package dev.trawl.pcap.panama;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * {@code struct pcap_pkthdr}, whose layout depends on the platform's {@code struct timeval}:
 *
 * <pre>
 * struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; };
 *
 *  LP64 (Linux, BSDs; 24 bytes)    MAC_LP64 (macOS; 24 bytes)     ILP32_LLP64 (Windows, 32-bit; 16)
 *  0  tv_sec   int64               0  tv_sec   int64              0  tv_sec   int32 (long)
 *  8  tv_usec  int64 (suseconds_t) 8  tv_usec  int32 + 4 padding  4  tv_usec  int32 (long)
 *  16 caplen   uint32              16 caplen   uint32             8  caplen   uint32
 *  20 len      uint32              20 len      uint32             12 len      uint32
 * </pre>
 *
 * The variant is chosen once from the OS and the size of C {@code long}; the accessors read at precomputed
 * offsets through {@link Libpcap#ALL} and allocate nothing.
 */
final class PktHdr {
    /** The known layouts of {@code struct pcap_pkthdr}. */
    enum Variant {
        /** 64-bit {@code time_t} and {@code suseconds_t}: 64-bit Linux and BSDs. */
        LP64(MemoryLayout.structLayout(
                ValueLayout.JAVA_LONG.withName("tv_sec"),
                ValueLayout.JAVA_LONG.withName("tv_usec"),
                ValueLayout.JAVA_INT.withName("caplen"),
                ValueLayout.JAVA_INT.withName("len")).withName("pcap_pkthdr")),
        /** 64-bit {@code time_t}, 32-bit {@code suseconds_t} padded to 64 bits: 64-bit macOS. */
        MAC_LP64(MemoryLayout.structLayout(
                ValueLayout.JAVA_LONG.withName("tv_sec"),
                ValueLayout.JAVA_INT.withName("tv_usec"),
                MemoryLayout.paddingLayout(4),
                ValueLayout.JAVA_INT.withName("caplen"),
                ValueLayout.JAVA_INT.withName("len")).withName("pcap_pkthdr")),
        /** 32-bit {@code long} fields: Windows (LLP64) and 32-bit platforms. */
        ILP32_LLP64(MemoryLayout.structLayout(
                ValueLayout.JAVA_INT.withName("tv_sec"),
                ValueLayout.JAVA_INT.withName("tv_usec"),
                ValueLayout.JAVA_INT.withName("caplen"),
                ValueLayout.JAVA_INT.withName("len")).withName("pcap_pkthdr"));

        final StructLayout layout;

        Variant(StructLayout layout) {
            this.layout = layout;
        }

        boolean longSeconds() {
            return layout.select(groupElement("tv_sec")).byteSize() == 8;
        }

        boolean longMicros() {
            return layout.select(groupElement("tv_usec")).byteSize() == 8;
        }

        /** The variant for an OS name and C type sizes. */
        static Variant of(String osName, long pointerSize, long longSize) {
            if (pointerSize == 4 || longSize == 4) {
                return ILP32_LLP64;
            }
            String os = osName.toLowerCase(Locale.ROOT);
            return os.startsWith("mac") || os.startsWith("darwin") ? MAC_LP64 : LP64;
        }
    }

    static final Variant VARIANT = Variant.of(System.getProperty("os.name", ""), ValueLayout.ADDRESS.byteSize(),
            Linker.nativeLinker().canonicalLayouts().get("long").byteSize());
    static final StructLayout LAYOUT = VARIANT.layout;
    static final long SIZE = LAYOUT.byteSize();
    static final long TV_SEC = LAYOUT.byteOffset(groupElement("tv_sec"));
    static final long TV_USEC = LAYOUT.byteOffset(groupElement("tv_usec"));
    static final long CAPLEN = LAYOUT.byteOffset(groupElement("caplen"));
    static final long LEN = LAYOUT.byteOffset(groupElement("len"));
    private static final boolean LONG_SECONDS = VARIANT.longSeconds();
    private static final boolean LONG_MICROS = VARIANT.longMicros();

    private PktHdr() {
    }

    static long seconds(long header) {
        return LONG_SECONDS ? Libpcap.ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, header + TV_SEC)
                : Libpcap.ALL.get(ValueLayout.JAVA_INT_UNALIGNED, header + TV_SEC);
    }

    /** The {@code tv_usec} field: microseconds, or nanoseconds on a nanosecond-precision handle. */
    static long fraction(long header) {
        return LONG_MICROS ? Libpcap.ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, header + TV_USEC)
                : Libpcap.ALL.get(ValueLayout.JAVA_INT_UNALIGNED, header + TV_USEC);
    }

    static int caplen(long header) {
        return Libpcap.ALL.get(ValueLayout.JAVA_INT_UNALIGNED, header + CAPLEN);
    }

    static int len(long header) {
        return Libpcap.ALL.get(ValueLayout.JAVA_INT_UNALIGNED, header + LEN);
    }

    /** Fills a header in native memory, for {@code pcap_dump}. */
    static void write(MemorySegment header, long seconds, long fraction, int caplen, int len) {
        if (LONG_SECONDS) {
            header.set(ValueLayout.JAVA_LONG_UNALIGNED, TV_SEC, seconds);
        } else {
            header.set(ValueLayout.JAVA_INT_UNALIGNED, TV_SEC, (int) seconds);
        }
        if (LONG_MICROS) {
            header.set(ValueLayout.JAVA_LONG_UNALIGNED, TV_USEC, fraction);
        } else {
            header.set(ValueLayout.JAVA_INT_UNALIGNED, TV_USEC, (int) fraction);
        }
        header.set(ValueLayout.JAVA_INT_UNALIGNED, CAPLEN, caplen);
        header.set(ValueLayout.JAVA_INT_UNALIGNED, LEN, len);
    }
}
