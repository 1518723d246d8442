package dev.trawl.cli.print;

/**
 * The link types tcpdump 4.99 has a printer for (its {@code printers} table, in LINKTYPE_ values as a capture
 * file holds them). Of any other link type tcpdump prints {@code UNSUPPORTED} and the frame's bytes. Stateless.
 */
final class TcpdumpLinkTypes {
    private TcpdumpLinkTypes() {
    }

    private static final int[] PRINTED = {0, 1, 6, 7, 8, 9, 10, 50, 51, 99, 100, 101, 102, 103, 104, 105, 106, 107,
        108, 109, 112, 113, 114, 117, 119, 122, 123, 127, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 149, 163,
        164, 166, 167, 168, 178, 179, 180, 181, 182, 189, 192, 195, 201, 220, 226, 228, 229, 230, 239, 240, 241,
        242, 258, 271, 276, 281, 282, 283, 284, 285};

    /** Whether tcpdump has a printer for link type {@code linkType}. */
    static boolean printed(int linkType) {
        for (int type : PRINTED) {
            if (type == linkType) {
                return true;
            }
        }
        return false;
    }

    /**
     * The truncation marker that tcpdump's printer for DLT {@code dlt} writes, and nothing else, when it is handed
     * a frame with no byte captured (as a PKTAP record whose header fills the capture); null for a printer that
     * does more or a link type this does not know.
     */
    static String emptyFrameMarker(int dlt) {
        return switch (dlt) {
            case 0 -> "null";
            case 1 -> "ether";
            case 9 -> "ppp";
            case 50 -> "ppp_hdlc";
            default -> null;
        };
    }
}
