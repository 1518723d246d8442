package dev.trawl.pcap.file;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One pcapng section: its Section Header Block and the blocks of the section that describe rather than carry
 * packets. Interface ids in {@link dev.trawl.pcap.Packet#interfaceId()} index this section's
 * {@link #interfaces()}. Immutable.
 *
 * @param byteOrder the section's byte order
 * @param majorVersion the section's major version (1)
 * @param minorVersion the section's minor version (0 or 2)
 * @param sectionLength the section length field, or -1 when unspecified
 * @param comments the section's {@code opt_comment} options
 * @param hardware {@code shb_hardware}, or {@code null}
 * @param os {@code shb_os}, or {@code null}
 * @param application {@code shb_userappl}, or {@code null}
 * @param interfaces the section's Interface Description Blocks, by interface id
 * @param statistics the section's Interface Statistics Blocks, in file order
 * @param names the entries of the section's Name Resolution Blocks
 * @param secrets the section's Decryption Secrets Blocks
 * @param skippedBlocks how many blocks of other types (custom, unknown) the reader skipped
 */
public record SectionInfo(ByteOrder byteOrder, int majorVersion, int minorVersion, long sectionLength,
        List<String> comments, String hardware, String os, String application, List<InterfaceInfo> interfaces,
        List<InterfaceStatistics> statistics, List<NameRecord> names, List<DecryptionSecrets> secrets,
        long skippedBlocks) {

    public SectionInfo {
        comments = List.copyOf(comments);
        interfaces = List.copyOf(interfaces);
        statistics = List.copyOf(statistics);
        names = List.copyOf(names);
        secrets = List.copyOf(secrets);
    }

    /** The first section comment, or {@code null}. */
    public String comment() {
        return comments.isEmpty() ? null : comments.get(0);
    }

    /**
     * One Name Resolution Block record: an address and its names.
     *
     * @param address the IPv4 or IPv6 address (no lookup is made)
     * @param names the names recorded for it
     */
    public record NameRecord(InetAddress address, List<String> names) {
        public NameRecord {
            names = List.copyOf(names);
        }
    }

    /**
     * A Decryption Secrets Block.
     *
     * @param type the secrets type ({@code 0x544c534b} for a TLS key log, ...)
     * @param data the secrets (copied in, and copied out by {@link #data()})
     */
    public record DecryptionSecrets(int type, byte[] data) {
        public DecryptionSecrets {
            data = data.clone();
        }

        /** A copy of the secrets. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DecryptionSecrets that && that.type == type
                    && java.util.Arrays.equals(that.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * type + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DecryptionSecrets[type=0x" + Integer.toHexString(type) + ", " + data.length + " bytes]";
        }
    }
}
