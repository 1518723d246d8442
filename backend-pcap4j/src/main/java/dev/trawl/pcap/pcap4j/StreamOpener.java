package dev.trawl.pcap.pcap4j;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.OfflineHandle;
import dev.trawl.pcap.OfflineOptions;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.TimestampPrecision;
import dev.trawl.pcap.spi.LibpcapErrors;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

import java.io.IOException;
import java.io.InputStream;

/** Opens a capture stream: a pipe fed by a {@link StreamPump}, opened by pcap4j through its /proc path. */
final class StreamOpener {
    private static final String SOURCE = "capture stream";
    /** Enough for a pcap file header and a pcapng block header with its byte-order magic and version. */
    private static final int HEAD = 24;

    private StreamOpener() {
    }

    static OfflineHandle open(InputStream in, OfflineOptions options) throws PcapException {
        byte[] head;
        try {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            close(in);
            throw new PcapException("reading the capture stream failed: " + e.getMessage(), e);
        }
        FileHeader header = FileHeader.parse(head, head.length);
        if (header.gzip()) {
            close(in);
            throw LibpcapErrors.gzipRefused(Pcap4jPcapProvider.NAME, "the stream");
        }
        int[] fds = new int[2];
        if (Libc.pipe(fds) != 0) {
            close(in);
            throw new PcapException("cannot create a pipe for the capture stream");
        }
        StreamPump pump = new StreamPump(in, fds[1], head, StreamPump.FileHeaderBytes.of(head, head.length),
                options.precision());
        pump.start();
        PcapHandle pcap;
        try {
            // libpcap opens its own descriptor of the pipe's read end; ours is closed right after.
            pcap = Pcaps.openOffline("/proc/self/fd/" + fds[0],
                    options.precision() == TimestampPrecision.NANO ? PcapHandle.TimestampPrecision.NANO
                            : PcapHandle.TimestampPrecision.MICRO);
        } catch (PcapNativeException e) {
            Libc.close(fds[0]); // no reader is left: the pump's next write fails and it stops
            PcapException failure = pump.failure();
            pump.closeStream();
            throw failure != null ? failure : Errors.file(SOURCE, String.valueOf(e.getMessage()), e);
        }
        Libc.close(fds[0]);
        try {
            Pcap4jOfflineHandle handle = new Pcap4jOfflineHandle(pcap, SOURCE, options.precision(), header, pump);
            if (header.format() == CaptureFormat.PCAP) {
                handle.recoverWith(pump);
            }
            return handle;
        } catch (NotOpenException | RuntimeException e) {
            pcap.close();
            pump.closeStream();
            throw new IllegalStateException("pcap4j closed the handle it just opened", e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the open fails anyway; its own error is what the caller needs
        }
    }
}
