package dev.trawl.pcap.panama;

import dev.trawl.pcap.BpfProgram;
import dev.trawl.pcap.InvalidFilterException;
import dev.trawl.pcap.LinkType;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Filter compilation with {@code pcap_compile}, read back into a {@link BpfProgram}. */
final class Filters {
    /**
     * libpcap before 1.8 compiled with global parser state; a lock keeps concurrent compilations apart on
     * any version (compiling is rare, so the lock costs nothing that matters).
     */
    private static final Object COMPILE_LOCK = new Object();

    private Filters() {
    }

    /** Compiles on an open {@code pcap_t}; the caller keeps it alive. */
    static BpfProgram compile(MemorySegment pcap, String expression, boolean optimize, int netmask)
            throws PcapException {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment program = scratch.allocate(Structs.BpfProg.LAYOUT);
            MemorySegment text = scratch.allocateFrom(expression);
            synchronized (COMPILE_LOCK) {
                if (PcapIo.pcap_compile(pcap, program, text, optimize ? 1 : 0, netmask) != 0) {
                    throw new InvalidFilterException(Errors.geterr(pcap), expression, -1);
                }
            }
            try {
                return Structs.BpfProg.read(program);
            } finally {
                PcapIo.pcap_freecode(program);
            }
        }
    }

    /** Compiles for a link type, as on {@code pcap_open_dead}. */
    static BpfProgram compile(String expression, LinkType linkType, int snaplen, boolean optimize, int netmask)
            throws PcapException {
        MemorySegment dead = PcapCore.pcap_open_dead_with_tstamp_precision(linkType.toDlt(), snaplen,
                TimestampPrecision.MICRO.code());
        if (dead.equals(MemorySegment.NULL)) {
            throw new PcapException("pcap_open_dead failed for link type " + linkType);
        }
        try {
            return compile(dead, expression, optimize, netmask);
        } finally {
            PcapCore.pcap_close(dead);
        }
    }
}
