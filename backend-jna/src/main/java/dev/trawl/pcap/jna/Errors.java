package dev.trawl.pcap.jna;

import java.nio.charset.StandardCharsets;

/** libpcap's error buffers; {@link dev.trawl.pcap.spi.LibpcapErrors} makes the exceptions. */
final class Errors {
    private Errors() {
    }

    /** A new error buffer. */
    static byte[] errbuf() {
        return new byte[NativePcap.ERRBUF_SIZE];
    }

    /** The NUL-terminated text in an error buffer (UTF-8, which {@code pcap_init} asked for). */
    static String text(byte[] errbuf) {
        int n = 0;
        while (n < errbuf.length && errbuf[n] != 0) {
            n++;
        }
        return new String(errbuf, 0, n, StandardCharsets.UTF_8);
    }
}
