package dev.trawl.decode.layer;

/**
 * The information elements of an 802.11 management frame's body ({@code id (8) | length (8) | value}), reduced
 * to the ones a one-line summary shows: the first SSID, the first non-empty supported rates and the first DS
 * parameter set (the channel). {@link #parse} walks the elements from an offset of an {@link Ieee80211} view and
 * says whether it reached the end cleanly; what was found before a bad element stays readable.
 *
 * <p>Reusable; not thread-safe. It keeps offsets into the frame, valid while the frame's view is.
 */
public final class Ieee80211Elements {
    /** Creates an empty set; call {@link #parse}. */
    public Ieee80211Elements() {
    }

    private static final int SSID = 0;
    private static final int RATES = 1;
    private static final int DS = 3;
    private static final int TIM = 5;
    private static final int CHALLENGE = 16;
    /** The largest SSID (32 bytes), rate list (16) and challenge text (253) a station may send. */
    private static final int MAX_SSID = 32;
    private static final int MAX_RATES = 16;
    private static final int MAX_CHALLENGE = 253;
    /** A TIM's bitmap holds at most 251 bytes after its count, period and control bytes. */
    private static final int MAX_TIM = 254;

    private Ieee80211 frame;
    private int ssidAt = -1;
    private int ssidLength;
    private int ratesAt = -1;
    private int ratesLength;
    private int channel = -1;

    /**
     * Reads the elements of {@code frame} from {@code from} to {@code to} (relative to the frame's start).
     *
     * @return true when every element was whole and of a sane length; false when one was cut short by the end
     *     of the body or of the capture, or longer than its kind allows (the ones before it are kept)
     */
    public boolean parse(Ieee80211 frame, int from, int to) {
        this.frame = frame;
        ssidAt = -1;
        ssidLength = 0;
        ratesAt = -1;
        ratesLength = 0;
        channel = -1;
        int at = from;
        while (at < to) {
            if (to - at < 2 || !frame.has(at, 2)) {
                return false;
            }
            int id = frame.byteAt(at);
            int length = frame.byteAt(at + 1);
            if (to - at < length + 2 || !frame.has(at + 2, length)) {
                return false;
            }
            switch (id) {
                case SSID -> {
                    if (length > MAX_SSID) {
                        return false;
                    }
                    if (ssidAt < 0) {
                        ssidAt = at + 2;
                        ssidLength = length;
                    }
                }
                case RATES -> {
                    if (length > MAX_RATES) {
                        return false;
                    }
                    if (ratesAt < 0 && length != 0) {
                        ratesAt = at + 2;
                        ratesLength = length;
                    }
                }
                case DS -> {
                    if (length == 1 && channel < 0) {
                        channel = frame.byteAt(at + 2);
                    }
                }
                case CHALLENGE -> {
                    if (length > MAX_CHALLENGE) {
                        return false;
                    }
                }
                case TIM -> {
                    if (length > MAX_TIM) {
                        return false;
                    }
                }
                default -> {
                }
            }
            at += 2 + length;
        }
        return true;
    }

    /** Whether an SSID element was found. */
    public boolean hasSsid() {
        return ssidAt >= 0;
    }

    /** The SSID's length in bytes. */
    public int ssidLength() {
        return ssidLength;
    }

    /** The SSID's byte {@code i}. */
    public int ssidByte(int i) {
        return frame.byteAt(ssidAt + i);
    }

    /** The number of supported rates found (0 when none). */
    public int rateCount() {
        return ratesLength;
    }

    /** Rate {@code i} in units of 500 kb/s, with bit 7 set for a basic rate. */
    public int rate(int i) {
        return frame.byteAt(ratesAt + i);
    }

    /** The DS parameter set's channel, or -1 when absent. */
    public int channel() {
        return channel;
    }
}
