package dev.trawl.pcap.jna;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;

import java.util.Map;

/**
 * libpcap functions that older releases lack, bound through interface mapping so that a missing symbol
 * fails only the call that needs it (checked with {@link #has}) instead of the whole backend. None is called
 * per packet.
 */
interface OptionalPcap extends Library {
    /** {@code int pcap_init(unsigned int opts, char *errbuf);} (libpcap 1.10) */
    int pcap_init(int opts, byte[] errbuf);

    /** {@code pcap_dumper_t *pcap_dump_open_append(pcap_t *p, const char *fname);} (libpcap 1.7) */
    long pcap_dump_open_append(long p, String fname);

    /** Whether the library has a symbol. */
    static boolean has(NativeLibrary library, String symbol) {
        try {
            library.getFunction(symbol);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** An interface-mapped proxy over an already loaded library. */
    static OptionalPcap load(NativeLibrary library) {
        return com.sun.jna.Native.load(library.getName(), OptionalPcap.class, Map.of());
    }
}
