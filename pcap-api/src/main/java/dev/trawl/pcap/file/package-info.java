/**
 * The built-in {@code java} backend: a pure-Java reader and writer of pcap and pcapng capture files, with no
 * native library. Use it through the ordinary API ({@code Pcap.backend("java")}, or {@code Pcap.openOffline}
 * when no native backend is installed). What this package exports is the little the common API cannot say:
 * {@link dev.trawl.pcap.file.CaptureInfo} (reached with {@code OfflineHandle.unwrap(CaptureInfo.class)}) with
 * the pcapng sections, interfaces, statistics, names and secrets of a file, and
 * {@link dev.trawl.pcap.file.PcapngDumper} for writing several interfaces, comments and statistics, and
 * {@link dev.trawl.pcap.file.CaptureCursor}, the codec itself as a low-level cursor over records and blocks (every
 * pcapng block, offsets and header fields, reading from any offset or through positioned reads), for readers that
 * split a file or look at its structure.
 *
 * <p>Files are read as libpcap reads them, a window at a time (256 KiB of positioned reads into one heap buffer),
 * and each packet's data is one reused read-only buffer over the window, not copied again. Gzip-compressed files
 * and streams are recognised by their magic and read transparently.
 *
 * <p>Where it differs from libpcap 1.10, on purpose: pcapng interfaces may differ in link type and snapshot
 * length, and sections in byte order (libpcap stops there); pcap timestamp seconds are unsigned (files after
 * 2038 read as such); libpcap's fix-ups of some link-layer headers and lengths (Linux USB, SocketCAN, NFLOG;
 * mostly in byte-swapped files) are not applied: bytes and lengths are delivered as stored. {@code breakLoop()} takes effect between packets:
 * a read blocked on a stream that delivers nothing returns when {@code close()} closes the stream.
 */
package dev.trawl.pcap.file;
