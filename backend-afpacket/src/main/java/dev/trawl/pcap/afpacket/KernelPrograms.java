package dev.trawl.pcap.afpacket;

import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a program written for the frames a handle delivers into one the kernel can run on the packets it
 * holds, which differ in two ways: the kernel has taken the VLAN tag out of a tagged frame (it is in the
 * packet's metadata, which the ancillary loads at {@code SKF_AD_OFF} read), and a cooked socket's packets
 * start at the network header, with no cooked header in front (its fields are metadata too).
 */
final class KernelPrograms {
    private static final int LD = 0x00;
    private static final int LDX = 0x01;
    private static final int ABS = 0x20;
    private static final int IND = 0x40;
    private static final int MSH = 0xa0;
    private static final int RET_K = 0x06;

    /**
     * The pseudo-header {@link #forUserland} programs read a packet's metadata from: one 32-bit big-endian slot
     * per value, in front of the packet as the kernel holds it.
     * <pre>
     *   +0 VLAN tag present (0 or 1)   +4 VLAN tag (TCI)   +8 packet type   +12 interface index
     *   +16 protocol                   +20 hardware type
     * </pre>
     */
    static final int PSEUDO_HEADER = 24;

    private KernelPrograms() {
    }

    /** The slot of an ancillary load in the pseudo-header, or -1 for one it does not carry. */
    private static int slot(int ancillary) {
        return switch (ancillary) {
            case Tpacket.SKF_AD_VLAN_TAG_PRESENT -> 0;
            case Tpacket.SKF_AD_VLAN_TAG -> 4;
            case Tpacket.SKF_AD_PKTTYPE -> 8;
            case Tpacket.SKF_AD_IFINDEX -> 12;
            case Tpacket.SKF_AD_PROTOCOL -> 16;
            case Tpacket.SKF_AD_HATYPE -> 20;
            default -> -1;
        };
    }

    /**
     * A kernel program that the userland interpreter can run as the kernel would: on the packet as the kernel
     * holds it, behind a {@link #PSEUDO_HEADER} that carries its metadata. Packet loads move by the
     * pseudo-header's length; the ancillary loads for the VLAN tag, packet type, interface index, protocol and
     * hardware type read their slot (the low half or byte of it for a halfword or byte load, since the kernel
     * gives the value whatever the size); other ancillary loads stay as they are, and reject the packet.
     */
    static BpfProgram forUserland(BpfProgram kernel) {
        List<BpfInstruction> out = new ArrayList<>(kernel.length());
        for (BpfInstruction insn : kernel.instructions()) {
            int code = insn.code();
            int cls = code & 0x07;
            int mode = code & 0xe0;
            int k = insn.k();
            boolean packetLoad = (cls == LD && (mode == ABS || mode == IND)) || (cls == LDX && mode == MSH);
            if (!packetLoad) {
                out.add(insn);
            } else if (Integer.compareUnsigned(k, Tpacket.SKF_AD_OFF) < 0) {
                out.add(new BpfInstruction(code, insn.jt(), insn.jf(), k + PSEUDO_HEADER));
            } else if (mode == ABS && slot(k - Tpacket.SKF_AD_OFF) >= 0) {
                int size = code & 0x18;
                int within = size == 0x00 ? 0 : size == 0x08 ? 2 : 3;
                out.add(new BpfInstruction(code, insn.jt(), insn.jf(), slot(k - Tpacket.SKF_AD_OFF) + within));
            } else {
                out.add(insn);
            }
        }
        return new BpfProgram(out);
    }

    /** {@code ret #snaplen}: accept every packet, cut to the snapshot length. */
    static BpfProgram acceptAll(int snaplen) {
        return BpfProgram.of(BpfInstruction.stmt(RET_K, snaplen));
    }

    /** {@code ret #0}: accept nothing. */
    static BpfProgram dropAll() {
        return BpfProgram.of(BpfInstruction.stmt(RET_K, 0));
    }

    /** Whether a program loads packet metadata, which only the kernel has. */
    static boolean usesAncillaryData(BpfProgram program) {
        for (BpfInstruction insn : program.instructions()) {
            if (insn.code() == (LD | ABS) || insn.code() == (LD | ABS | 0x08) || insn.code() == (LD | ABS | 0x10)) {
                if (Integer.compareUnsigned(insn.k(), Tpacket.SKF_AD_OFF) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A program that accepts, with the snapshot length, every packet whose VLAN tag the kernel took out (the
     * userland runs the program on those once the tag is back), and runs the program on the others:
     * <pre>
     *   ldb [vlanp]         ; SKF_AD_VLAN_TAG_PRESENT
     *   jeq #1, 0, 1
     *   ja  accept
     *   ...program...
     * accept:
     *   ret #snaplen
     * </pre>
     */
    static BpfProgram passTagged(BpfProgram program, int snaplen) {
        List<BpfInstruction> insns = new ArrayList<>(program.length() + 4);
        insns.add(BpfInstruction.stmt(LD | ABS | 0x10, Tpacket.SKF_AD_OFF + Tpacket.SKF_AD_VLAN_TAG_PRESENT));
        insns.add(BpfInstruction.jump(0x15, 1, 0, 1));
        insns.add(BpfInstruction.stmt(0x05, program.length()));
        insns.addAll(program.instructions());
        insns.add(BpfInstruction.stmt(RET_K, snaplen));
        return new BpfProgram(insns);
    }

    /**
     * The program for a cooked socket, whose packets the kernel holds without the cooked header: loads past
     * the header move back by its length, and loads of the header's packet type, protocol, interface index
     * and hardware type become the matching ancillary loads, as libpcap rewrites them.
     *
     * @param header {@link Framing#SLL} or {@link Framing#SLL2}
     * @return the rewritten program, or null when it reads another part of the header, which the kernel does
     *     not have: then the userland must run it
     */
    static BpfProgram forCooked(BpfProgram program, int header) {
        List<BpfInstruction> out = new ArrayList<>(program.length());
        for (BpfInstruction insn : program.instructions()) {
            int code = insn.code();
            int cls = code & 0x07;
            int mode = code & 0xe0;
            boolean packetLoad = (cls == LD && (mode == ABS || mode == IND)) || (cls == LDX && mode == MSH);
            int k = insn.k();
            if (!packetLoad || Integer.compareUnsigned(k, Tpacket.SKF_AD_OFF) >= 0) {
                out.add(insn);
                continue;
            }
            int moved;
            if (Integer.compareUnsigned(k, header) >= 0) {
                moved = k - header;
            } else if (mode == ABS && cls == LD) {
                Integer ancillary = header == Framing.SLL ? sllField(k) : sll2Field(k);
                if (ancillary == null) {
                    return null;
                }
                moved = Tpacket.SKF_AD_OFF + ancillary;
            } else {
                return null;
            }
            out.add(new BpfInstruction(code, insn.jt(), insn.jf(), moved));
        }
        return new BpfProgram(out);
    }

    /** The ancillary load for a field of the v1 cooked header: packet type at 0, protocol at 14. */
    private static Integer sllField(int offset) {
        return switch (offset) {
            case 0 -> Tpacket.SKF_AD_PKTTYPE;
            case 14 -> Tpacket.SKF_AD_PROTOCOL;
            default -> null;
        };
    }

    /** The ancillary load for a field of the v2 cooked header. */
    private static Integer sll2Field(int offset) {
        return switch (offset) {
            case 0 -> Tpacket.SKF_AD_PROTOCOL;
            case 4 -> Tpacket.SKF_AD_IFINDEX;
            case 8 -> Tpacket.SKF_AD_HATYPE;
            case 10 -> Tpacket.SKF_AD_PKTTYPE;
            default -> null;
        };
    }
}
