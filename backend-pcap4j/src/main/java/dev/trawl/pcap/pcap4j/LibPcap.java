package dev.trawl.pcap.pcap4j;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libpcap functions pcap4j 1.8.2 does not expose, bound with JNA direct mapping to the very
 * library pcap4j loads (same name, same {@code org.pcap4j.core.pcapLibName} override), so that both act on
 * the same {@code pcap_t}s. None of these is on a per-packet read path.
 */
final class LibPcap {
    /** The library name pcap4j uses: its system property, else {@code pcap}. */
    static final String LIBRARY_NAME = System.getProperty("org.pcap4j.core.pcapLibName", "pcap");

    /** {@code sizeof(long)}: the fields of {@code struct timeval}. */
    static final int LONG_SIZE = Native.LONG_SIZE;
    /** {@code struct pcap_pkthdr}: {@code struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len;}. */
    static final int PKTHDR_CAPLEN = 2 * LONG_SIZE;
    static final int PKTHDR_LEN = PKTHDR_CAPLEN + 4;
    static final int PKTHDR_SIZE = PKTHDR_LEN + 4;
    /** {@code struct bpf_program}: {@code u_int bf_len; struct bpf_insn *bf_insns;}. */
    static final int PROGRAM_INSNS = Native.POINTER_SIZE;
    static final int PROGRAM_SIZE = 2 * Native.POINTER_SIZE;
    /** {@code struct bpf_insn}: {@code u_short code; u_char jt; u_char jf; bpf_u_int32 k;}. */
    static final int INSN_SIZE = 8;
    /** {@code struct pcap_if}: next, name, description, addresses, then {@code bpf_u_int32 flags}. */
    static final int IF_NAME = Native.POINTER_SIZE;
    static final int IF_FLAGS = 4 * Native.POINTER_SIZE;
    /** {@code PCAP_ERRBUF_SIZE}. */
    static final int ERRBUF_SIZE = 256;

    static {
        Native.register(LibPcap.class, NativeLibrary.getInstance(LIBRARY_NAME));
    }

    private LibPcap() {
    }

    /** {@code pcap_t *pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, u_int precision);} */
    static native Pointer pcap_open_dead_with_tstamp_precision(int linktype, int snaplen, int precision);

    /** {@code void pcap_close(pcap_t *p);} */
    static native void pcap_close(Pointer p);

    /** {@code char *pcap_geterr(pcap_t *p);} */
    static native String pcap_geterr(Pointer p);

    /** {@code const char *pcap_statustostr(int error);} */
    static native String pcap_statustostr(int error);

    /** {@code int pcap_datalink(pcap_t *p);} */
    static native int pcap_datalink(Pointer p);

    /** {@code int pcap_snapshot(pcap_t *p);} */
    static native int pcap_snapshot(Pointer p);

    /** {@code int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize, bpf_u_int32 netmask);} */
    static native int pcap_compile(Pointer p, Pointer fp, String str, int optimize, int netmask);

    /** {@code void pcap_freecode(struct bpf_program *fp);} */
    static native void pcap_freecode(Pointer fp);

    /** {@code int pcap_setfilter(pcap_t *p, struct bpf_program *fp);} */
    static native int pcap_setfilter(Pointer p, Pointer fp);

    /** {@code pcap_dumper_t *pcap_dump_open(pcap_t *p, const char *fname);} */
    static native Pointer pcap_dump_open(Pointer p, String fname);

    /** {@code pcap_dumper_t *pcap_dump_open_append(pcap_t *p, const char *fname);} */
    static native Pointer pcap_dump_open_append(Pointer p, String fname);

    /** {@code void pcap_dump(u_char *user, const struct pcap_pkthdr *h, const u_char *sp);} */
    static native void pcap_dump(Pointer dumper, Pointer header, Pointer data);

    /** {@code int pcap_dump_flush(pcap_dumper_t *p);} */
    static native int pcap_dump_flush(Pointer dumper);

    /** {@code void pcap_dump_close(pcap_dumper_t *p);} */
    static native void pcap_dump_close(Pointer dumper);

    /** {@code FILE *pcap_file(pcap_t *p);} */
    static native Pointer pcap_file(Pointer p);

    /** {@code int pcap_findalldevs(pcap_if_t **alldevsp, char *errbuf);} */
    static native int pcap_findalldevs(PointerByReference alldevs, byte[] errbuf);

    /** {@code void pcap_freealldevs(pcap_if_t *alldevs);} */
    static native void pcap_freealldevs(Pointer alldevs);

    /** The NUL-terminated text in an error buffer. */
    static String text(byte[] errbuf) {
        int end = 0;
        while (end < errbuf.length && errbuf[end] != 0) {
            end++;
        }
        return new String(errbuf, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
