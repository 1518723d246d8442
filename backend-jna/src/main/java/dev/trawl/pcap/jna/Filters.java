package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.trawl.pcap.BpfInstruction;
import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.PcapException;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles filters with {@code pcap_compile} and installs programs with {@code pcap_setfilter}.
 *
 * <pre>
 * struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; }   16 bytes on LP64: len at 0, pointer at 8
 * struct bpf_insn { u_short code; u_char jt; u_char jf; bpf_u_int32 k; }   8 bytes, native order
 * </pre>
 */
final class Filters {
    private static final int PROGRAM_SIZE = 2 * Native.POINTER_SIZE;
    private static final int INSNS_OFFSET = Native.POINTER_SIZE;
    private static final int INSN_SIZE = 8;

    /**
     * libpcap before 1.8 kept the compiler's state in globals; one lock keeps older libraries safe, and
     * compiling is rare enough that it costs nothing.
     */
    private static final Object COMPILE_LOCK = new Object();

    private Filters() {
    }

    /** Compiles an expression on a live, offline or dead handle that the caller keeps valid. */
    static BpfProgram compile(long p, String expression, boolean optimize, int netmask) throws PcapException {
        if (expression == null) {
            throw new NullPointerException("expression");
        }
        if (expression.indexOf('\0') >= 0) {
            throw new InvalidFilterException("the expression contains a NUL character", expression, expression.indexOf('\0'));
        }
        Memory program = new Memory(PROGRAM_SIZE);
        program.clear();
        synchronized (COMPILE_LOCK) {
            if (NativePcap.pcap_compile(p, Pointer.nativeValue(program), expression, optimize ? 1 : 0, netmask) != 0) {
                throw new InvalidFilterException(NativePcap.pcap_geterr(p), expression, -1);
            }
        }
        try {
            int length = program.getInt(0);
            Pointer insns = program.getPointer(INSNS_OFFSET);
            ByteBuffer code = insns.getByteBuffer(0, (long) length * INSN_SIZE).order(ByteOrder.nativeOrder());
            List<BpfInstruction> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                int at = i * INSN_SIZE;
                list.add(new BpfInstruction(code.getShort(at) & 0xffff, code.get(at + 2) & 0xff,
                        code.get(at + 3) & 0xff, code.getInt(at + 4)));
            }
            return new BpfProgram(list);
        } finally {
            NativePcap.pcap_freecode(Pointer.nativeValue(program));
            Reference.reachabilityFence(program);
        }
    }

    /** Installs a program on a handle that the caller keeps valid; libpcap copies it. */
    static void install(long p, BpfProgram program) throws PcapException {
        List<BpfInstruction> list = program.instructions();
        Memory insns = new Memory((long) list.size() * INSN_SIZE);
        ByteBuffer code = insns.getByteBuffer(0, insns.size()).order(ByteOrder.nativeOrder());
        for (int i = 0; i < list.size(); i++) {
            BpfInstruction insn = list.get(i);
            int at = i * INSN_SIZE;
            code.putShort(at, (short) insn.code());
            code.put(at + 2, (byte) insn.jt());
            code.put(at + 3, (byte) insn.jf());
            code.putInt(at + 4, insn.k());
        }
        Memory prog = new Memory(PROGRAM_SIZE);
        prog.clear();
        prog.setInt(0, list.size());
        prog.setPointer(INSNS_OFFSET, insns);
        try {
            if (NativePcap.pcap_setfilter(p, Pointer.nativeValue(prog)) != 0) {
                throw new PcapException("cannot set the filter: " + NativePcap.pcap_geterr(p));
            }
        } finally {
            Reference.reachabilityFence(insns);
            Reference.reachabilityFence(prog);
        }
    }
}
