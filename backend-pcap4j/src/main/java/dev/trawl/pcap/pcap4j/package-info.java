/**
 * The {@code pcap4j} backend: trawl's capture API over pcap4j-core 1.8.2, so that code written for pcap4j
 * can move to trawl without changing the native stack it deploys. pcap4j is an implementation detail:
 * none of its types appears in trawl's API, except through {@code Handle.unwrap(org.pcap4j.core.PcapHandle.class)}.
 *
 * <h2>Read paths</h2>
 * {@code next()} uses {@code PcapHandle.getNextRawPacketEx} ({@code pcap_next_ex}); {@code dispatch} and
 * {@code loop} use pcap4j's {@code dispatch}/{@code loop} with a {@code RawPacketListener}, its cheapest path
 * per packet. Timestamps and original lengths come from the thread-locals pcap4j fills for each packet. pcap4j
 * copies each packet into a new {@code byte[]} and builds a {@code java.sql.Timestamp} for it; the backend adds
 * no allocation of its own per packet except the read-only {@code ByteBuffer} created when
 * {@code Packet.data()} is first called for a packet.
 *
 * <h2>What goes around pcap4j</h2>
 * pcap4j 1.8.2 lacks a few calls; they go through JNA bound to the same libpcap (never a different
 * implementation): compiling a filter to a {@code BpfProgram} and installing one ({@code pcap_compile},
 * {@code pcap_setfilter} on the handle's {@code pcap_t}), writing pcap files ({@code pcap_dump}: pcap4j's dumper
 * records every packet's original length as its captured length) and appending to them
 * ({@code pcap_dump_open_append}), and the device flags pcap4j drops (wireless, connection status). The
 * {@code pcap_t} of a pcap4j handle is private to pcap4j; it is read from the text of
 * {@code PcapHandle.toString()} and checked against the handle before use.
 *
 * <h2>Streams</h2>
 * pcap4j and libpcap's dumper open captures by path only. A stream goes through a pipe that libpcap opens by
 * its {@code /proc/self/fd} path, with a daemon thread copying between the pipe and the stream (Linux only;
 * elsewhere {@code OFFLINE_STREAM} and {@code DUMP_STREAM} are not declared). A failure of the stream is
 * reported by the next call that meets it, never taken for the end of the capture.
 *
 * <h2>Not supported</h2>
 * pcapng writing (libpcap cannot write pcapng), gzip-compressed captures, and choosing the timestamp type
 * (pcap4j activates a live handle before one could be set). These calls throw
 * {@code UnsupportedCapabilityException}.
 *
 * <h2>Damaged timestamps</h2>
 * pcap4j cannot represent a packet whose sub-second timestamp field is out of range (its
 * {@code java.sql.Timestamp} refuses it, after libpcap has consumed the record; in {@code loop} it would log and
 * drop the packet), and it scales a microsecond field in 32-bit {@code int} arithmetic, which can wrap a field
 * far out of range into a wrong fraction without an error. For pcap files the backend rebuilds such a record
 * from the file at libpcap's own file position (for a pcap stream, from the copy the stream's pump keeps of such
 * records, while no filter hides which record failed) and takes its time as libpcap delivers it, the excess
 * fraction carried into the seconds ({@code PcapRecordTime}); otherwise the read fails with a
 * {@code MalformedCaptureException}, never a silent loss. A wrap is seen because a microsecond file's fraction
 * is a whole number of microseconds and a wrapped one is not, except for a field within one second above a
 * non-zero multiple of 2^29 microseconds (2^31 among them, as a signed field), which pcap4j delivers as 0 to
 * 999,999 microseconds unseen. This relies on a JNA callback exception handler the backend installs in front of JNA's
 * default one (it passes every other callback's exception on).
 *
 * <h2>Costs inherited from pcap4j</h2>
 * pcap4j's {@code dispatch} creates a native callback per call, so many small {@code dispatch} calls are slow
 * (tens of microseconds each); use {@code loop} or {@code next()}, or {@code dispatch} with large counts.
 *
 * <h2>Module path</h2>
 * pcap4j-core 1.8.2's module descriptor requires {@code slf4j.api}, the automatic module name of slf4j-api
 * 1.7.25 and older. slf4j 2 is the module {@code org.slf4j}, so on the module path add a bridge module
 * declaring {@code module slf4j.api { requires transitive org.slf4j; }} (the build publishes it as the {@code slf4j-bridge} classifier of this artifact). With it,
 * this backend works on the module path as on the class path; no {@code --add-opens} is needed.
 */
package dev.trawl.pcap.pcap4j;
