package dev.trawl.pcap;

/**
 * A capture file or stream that cannot be read any further: bad magic, a truncated header, an impossible
 * length. The packets before the error have been delivered; the message and {@link #offset()} say where
 * the file went wrong.
 */
public class MalformedCaptureException extends PcapException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param message what was wrong
     * @param offset the byte offset in the file of the record or field at fault, or -1 when unknown
     */
    public MalformedCaptureException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** The byte offset of the fault in the file, or -1 when the backend does not know it. */
    public long offset() {
        return offset;
    }
}
