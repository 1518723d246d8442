package dev.trawl.pcap.pcap4j;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles filters to {@link BpfProgram}s and installs them, through {@link LibPcap}: pcap4j's own
 * {@code BpfProgram} hides its instructions and cannot be built from ours.
 */
final class Filters {
    private Filters() {
    }

    /** Compiles as {@code pcap_compile} on a dead handle of this link type and snaplen. */
    static BpfProgram compileDead(String expression, LinkType linkType, int snaplen, boolean optimize, int netmask)
            throws PcapException {
        Objects.requireNonNull(linkType, "linkType");
        checkExpression(expression);
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        Pointer dead = LibPcap.pcap_open_dead_with_tstamp_precision(linkType.toDlt(), snaplen, 0);
        if (dead == null) {
            throw new PcapException("pcap_open_dead failed for " + linkType + ", snaplen " + snaplen);
        }
        try {
            return compile(dead, expression, optimize, netmask);
        } finally {
            LibPcap.pcap_close(dead);
        }
    }

    /** Compiles with {@code pcap_compile} on an open {@code pcap_t}. */
    static BpfProgram compile(Pointer pcap, String expression, boolean optimize, int netmask)
            throws InvalidFilterException {
        checkExpression(expression);
        try (Memory program = new Memory(LibPcap.PROGRAM_SIZE)) {
            program.clear();
            if (LibPcap.pcap_compile(pcap, program, expression, optimize ? 1 : 0, netmask) < 0) {
                throw new InvalidFilterException(LibPcap.pcap_geterr(pcap), expression, -1);
            }
            try {
                int length = program.getInt(0);
                Pointer insns = program.getPointer(LibPcap.PROGRAM_INSNS);
                List<BpfInstruction> list = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    long at = (long) i * LibPcap.INSN_SIZE;
                    list.add(new BpfInstruction(insns.getShort(at) & 0xffff, insns.getByte(at + 2) & 0xff,
                            insns.getByte(at + 3) & 0xff, insns.getInt(at + 4)));
                }
                return new BpfProgram(list);
            } finally {
                LibPcap.pcap_freecode(program);
            }
        }
    }

    /**
     * Installs a program with {@code pcap_setfilter}; libpcap copies it, so the native memory is freed here.
     *
     * @throws PcapException if libpcap refuses it
     */
    static void install(Pointer pcap, BpfProgram program) throws PcapException {
        List<BpfInstruction> list = program.instructions();
        try (Memory insns = new Memory((long) list.size() * LibPcap.INSN_SIZE);
                Memory fp = new Memory(LibPcap.PROGRAM_SIZE)) {
            for (int i = 0; i < list.size(); i++) {
                BpfInstruction insn = list.get(i);
                long at = (long) i * LibPcap.INSN_SIZE;
                insns.setShort(at, (short) insn.code());
                insns.setByte(at + 2, (byte) insn.jt());
                insns.setByte(at + 3, (byte) insn.jf());
                insns.setInt(at + 4, insn.k());
            }
            fp.clear();
            fp.setInt(0, list.size());
            fp.setPointer(LibPcap.PROGRAM_INSNS, insns);
            int rc = LibPcap.pcap_setfilter(pcap, fp);
            if (rc < 0) {
                throw new PcapException("pcap_setfilter: " + LibPcap.pcap_geterr(pcap), rc, null);
            }
        }
    }

    private static void checkExpression(String expression) throws InvalidFilterException {
        Objects.requireNonNull(expression, "expression");
        int nul = expression.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidFilterException("NUL character in filter expression", expression, nul);
        }
    }
}
