package dev.trawl.pcap.panama;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The libpcap structs other than {@link PktHdr}: named layouts, precomputed offsets, and static accessors
 * that take an address (no Java object per struct).
 */
final class Structs {
    private Structs() {
    }

    private static long word(long address) {
        return Libpcap.ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
    }

    /** Reads a pointer field as an address. */
    static long pointerAt(long address) {
        return ADDRESS.byteSize() == 8 ? word(address) : Libpcap.ALL.get(JAVA_INT_UNALIGNED, address) & 0xffffffffL;
    }

    /** {@code struct pcap_if { next; name; description; addresses; bpf_u_int32 flags; }}. */
    static final class PcapIf {
        static final StructLayout LAYOUT = MemoryLayout.structLayout(
                ADDRESS.withName("next"),
                ADDRESS.withName("name"),
                ADDRESS.withName("description"),
                ADDRESS.withName("addresses"),
                JAVA_INT.withName("flags"),
                MemoryLayout.paddingLayout(ADDRESS.byteSize() - 4)).withName("pcap_if");
        static final long NEXT = LAYOUT.byteOffset(groupElement("next"));
        static final long NAME = LAYOUT.byteOffset(groupElement("name"));
        static final long DESCRIPTION = LAYOUT.byteOffset(groupElement("description"));
        static final long ADDRESSES = LAYOUT.byteOffset(groupElement("addresses"));
        static final long FLAGS = LAYOUT.byteOffset(groupElement("flags"));

        private PcapIf() {
        }

        static long next(long a) {
            return pointerAt(a + NEXT);
        }

        static String name(long a) {
            return Libpcap.string(pointerAt(a + NAME));
        }

        static String description(long a) {
            return Libpcap.string(pointerAt(a + DESCRIPTION));
        }

        static long addresses(long a) {
            return pointerAt(a + ADDRESSES);
        }

        static int flags(long a) {
            return Libpcap.ALL.get(JAVA_INT_UNALIGNED, a + FLAGS);
        }
    }

    /** {@code struct pcap_addr { next; addr; netmask; broadaddr; dstaddr; }}, each a {@code struct sockaddr *}. */
    static final class PcapAddr {
        static final StructLayout LAYOUT = MemoryLayout.structLayout(
                ADDRESS.withName("next"),
                ADDRESS.withName("addr"),
                ADDRESS.withName("netmask"),
                ADDRESS.withName("broadaddr"),
                ADDRESS.withName("dstaddr")).withName("pcap_addr");
        static final long NEXT = LAYOUT.byteOffset(groupElement("next"));
        static final long ADDR = LAYOUT.byteOffset(groupElement("addr"));
        static final long NETMASK = LAYOUT.byteOffset(groupElement("netmask"));
        static final long BROADADDR = LAYOUT.byteOffset(groupElement("broadaddr"));
        static final long DSTADDR = LAYOUT.byteOffset(groupElement("dstaddr"));

        private PcapAddr() {
        }
    }

    /**
     * {@code struct sockaddr_in} and {@code sockaddr_in6}. Linux and Windows start with a 16-bit family; the
     * BSDs and macOS with an 8-bit length and an 8-bit family. AF_INET is 2 everywhere; AF_INET6 is 10 on
     * Linux, 23 on Windows, 30 on macOS, 28 on FreeBSD, 24 on NetBSD and OpenBSD.
     */
    static final class Sockaddr {
        private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        private static final boolean BSD_STYLE = OS.contains("mac") || OS.contains("darwin") || OS.contains("bsd");
        static final int AF_INET = 2;
        static final int AF_INET6 = OS.startsWith("linux") ? 10 : OS.startsWith("windows") ? 23
                : OS.contains("mac") || OS.contains("darwin") ? 30 : OS.contains("freebsd") ? 28 : 24;
        /** Offset of {@code sin_addr} in {@code sockaddr_in}. */
        static final long IN_ADDR = 4;
        /** Offset of {@code sin6_addr} in {@code sockaddr_in6}. */
        static final long IN6_ADDR = 8;

        private Sockaddr() {
        }

        static int family(long a) {
            return BSD_STYLE ? Libpcap.ALL.get(JAVA_BYTE, a + 1) & 0xff
                    : Libpcap.ALL.get(JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), a) & 0xffff;
        }

        /** The IPv4 or IPv6 address in a sockaddr, or {@code null} for a null pointer or another family. */
        static InetAddress toInet(long a) {
            if (a == 0) {
                return null;
            }
            int family = family(a);
            byte[] bytes;
            if (family == AF_INET) {
                bytes = new byte[4];
                MemorySegment.copy(Libpcap.ALL, JAVA_BYTE, a + IN_ADDR, bytes, 0, 4);
            } else if (family == AF_INET6) {
                bytes = new byte[16];
                MemorySegment.copy(Libpcap.ALL, JAVA_BYTE, a + IN6_ADDR, bytes, 0, 16);
            } else {
                return null;
            }
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // only thrown for lengths other than 4 and 16
            }
        }
    }

    /** {@code struct bpf_insn { u_short code; u_char jt; u_char jf; bpf_u_int32 k; }}. */
    static final class BpfInsn {
        static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_SHORT.withName("code"),
                JAVA_BYTE.withName("jt"),
                JAVA_BYTE.withName("jf"),
                JAVA_INT.withName("k")).withName("bpf_insn");
        static final long SIZE = LAYOUT.byteSize();
        static final long CODE = LAYOUT.byteOffset(groupElement("code"));
        static final long JT = LAYOUT.byteOffset(groupElement("jt"));
        static final long JF = LAYOUT.byteOffset(groupElement("jf"));
        static final long K = LAYOUT.byteOffset(groupElement("k"));

        private BpfInsn() {
        }
    }

    /** {@code struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; }}. */
    static final class BpfProg {
        static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("bf_len"),
                MemoryLayout.paddingLayout(ADDRESS.byteSize() - 4),
                ADDRESS.withName("bf_insns")).withName("bpf_program");
        static final long BF_LEN = LAYOUT.byteOffset(groupElement("bf_len"));
        static final long BF_INSNS = LAYOUT.byteOffset(groupElement("bf_insns"));

        private BpfProg() {
        }

        /** Reads a compiled program into a {@link BpfProgram}. */
        static BpfProgram read(MemorySegment program) {
            int n = program.get(JAVA_INT, BF_LEN);
            long insns = pointerAt(program.address() + BF_INSNS);
            List<BpfInstruction> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long at = insns + i * BpfInsn.SIZE;
                list.add(new BpfInstruction(
                        Libpcap.ALL.get(JAVA_SHORT_UNALIGNED, at + BpfInsn.CODE) & 0xffff,
                        Libpcap.ALL.get(JAVA_BYTE, at + BpfInsn.JT) & 0xff,
                        Libpcap.ALL.get(JAVA_BYTE, at + BpfInsn.JF) & 0xff,
                        Libpcap.ALL.get(JAVA_INT_UNALIGNED, at + BpfInsn.K)));
            }
            return new BpfProgram(list);
        }

        /** Writes a program into native memory from the arena, for {@code pcap_setfilter}. */
        static MemorySegment write(BpfProgram program, Arena arena) {
            List<BpfInstruction> list = program.instructions();
            MemorySegment insns = arena.allocate(BpfInsn.LAYOUT, list.size());
            for (int i = 0; i < list.size(); i++) {
                BpfInstruction insn = list.get(i);
                long at = i * BpfInsn.SIZE;
                insns.set(JAVA_SHORT, at + BpfInsn.CODE, (short) insn.code());
                insns.set(JAVA_BYTE, at + BpfInsn.JT, (byte) insn.jt());
                insns.set(JAVA_BYTE, at + BpfInsn.JF, (byte) insn.jf());
                insns.set(JAVA_INT, at + BpfInsn.K, insn.k());
            }
            MemorySegment prog = arena.allocate(LAYOUT);
            prog.set(JAVA_INT, BF_LEN, list.size());
            prog.set(ADDRESS, BF_INSNS, insns);
            return prog;
        }
    }

    /** {@code struct pcap_stat { u_int ps_recv; u_int ps_drop; u_int ps_ifdrop; }} (Windows appends more). */
    static final class PcapStat {
        static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("ps_recv"),
                JAVA_INT.withName("ps_drop"),
                JAVA_INT.withName("ps_ifdrop"),
                JAVA_INT.withName("ps_capt")).withName("pcap_stat");
        static final long PS_RECV = LAYOUT.byteOffset(groupElement("ps_recv"));
        static final long PS_DROP = LAYOUT.byteOffset(groupElement("ps_drop"));
        static final long PS_IFDROP = LAYOUT.byteOffset(groupElement("ps_ifdrop"));

        private PcapStat() {
        }
    }
}
