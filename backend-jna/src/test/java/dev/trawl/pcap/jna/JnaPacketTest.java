package dev.trawl.pcap.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.trawl.pcap.PacketRecord;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packet view over hand-made native headers and data, as libpcap lays them out. */
@Tag("native")
class JnaPacketTest {
    private final Memory header = new Memory(JnaPacket.HEADER_SIZE);
    private final Memory data = new Memory(256);
    private final ByteBuffer h = header.getByteBuffer(0, JnaPacket.HEADER_SIZE).order(ByteOrder.nativeOrder());

    JnaPacketTest() {
        for (int i = 0; i < 256; i++) {
            data.setByte(i, (byte) i);
        }
    }

    private void header(long sec, long frac, int caplen, int len) {
        h.putLong(JnaPacket.TV_SEC, sec).putLong(JnaPacket.TV_FRAC, frac);
        h.putInt(JnaPacket.CAPLEN, caplen).putInt(JnaPacket.LEN, len);
    }

    private void load(JnaPacket p, long dataOffset) {
        p.load(Pointer.nativeValue(header), Pointer.nativeValue(data) + dataOffset);
    }

    @Test
    void readsTheHeaderAndViewsTheBytes() {
        JnaPacket p = new JnaPacket(1000, false);
        header(1_700_000_000L, 123_456, 60, 1514);
        load(p, 0);
        assertEquals(1_700_000_000L, p.timestampSeconds());
        assertEquals(123_456_000, p.timestampNanos());
        assertEquals(60, p.capturedLength());
        assertEquals(1514, p.originalLength());
        ByteBuffer d = p.data();
        assertTrue(d.isReadOnly());
        assertEquals(ByteOrder.BIG_ENDIAN, d.order());
        assertEquals(0, d.position());
        assertEquals(60, d.remaining());
        assertEquals(0x00010203, d.getInt(0));
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> d.put(0, (byte) 1));
    }

    @Test
    void reusesTheViewWhileTheAddressStaysAndThePacketFits() {
        JnaPacket p = new JnaPacket(1000, false);
        header(1, 0, 100, 100);
        load(p, 0);
        ByteBuffer first = p.data();
        header(2, 0, 40, 40);
        load(p, 0);
        assertSame(first, p.data(), "a shorter packet at the same address reuses the view");
        assertEquals(40, p.data().remaining());
        header(3, 0, 200, 200);
        load(p, 0);
        assertNotSame(first, p.data(), "a longer packet needs a longer view");
        ByteBuffer longer = p.data();
        header(4, 0, 10, 10);
        load(p, 16);
        assertNotSame(longer, p.data(), "a moved packet needs a new view");
        assertEquals(16, p.data().get(0));
    }

    @Test
    void restoresALimitAndPositionTheCallerChanged() {
        JnaPacket p = new JnaPacket(1000, false);
        header(1, 0, 100, 100);
        load(p, 0);
        p.data().position(90);
        header(2, 0, 50, 50);
        load(p, 0);
        assertEquals(0, p.data().position());
        assertEquals(50, p.data().limit());
    }

    @Test
    void nanosecondHandlesTakeTheFractionAsNanoseconds() {
        JnaPacket p = new JnaPacket(1, false);
        header(5, 999_999_999, 1, 1);
        load(p, 0);
        assertEquals(999_999_999, p.timestampNanos());
    }

    @Test
    void pcapFileSecondsAreUnsignedThirtyTwoBitValues() {
        JnaPacket p = new JnaPacket(1000, true);
        header((int) 4_291_747_200L, 0, 1, 1); // libpcap sign-extends the 2106 timestamp
        load(p, 0);
        assertEquals(4_291_747_200L, p.timestampSeconds());
    }

    @Test
    void anOutOfRangeFractionCarriesIntoTheSeconds() {
        JnaPacket p = new JnaPacket(1, false);
        header(10, 2_500_000_000L, 1, 1);
        load(p, 0);
        assertEquals(12, p.timestampSeconds());
        assertEquals(500_000_000, p.timestampNanos());
    }

    @Test
    void aNegativeFractionFromAPcapFileIsTheTimeBeforeTheSecond() {
        JnaPacket p = new JnaPacket(1000, true);
        header(10, -1, 1, 1); // libpcap sign-extends a fraction field of 0xffffffff in a file of this byte order
        load(p, 0);
        assertEquals(9, p.timestampSeconds());
        assertEquals(999_999_000, p.timestampNanos());
    }

    @Test
    void copyOwnsTheBytesAndKeepsTheLengthsLibpcapReported() {
        JnaPacket p = new JnaPacket(1000, false);
        header(7, 1, 8, 3); // a damaged file: fewer bytes on the wire than captured
        load(p, 0);
        PacketRecord r = p.copy();
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, r.bytes());
        assertEquals(3, p.originalLength(), "the view reports what libpcap said");
        assertEquals(3, r.originalLength(), "and so does the copy");
        data.setByte(0, (byte) 99);
        assertEquals(0, r.bytes()[0], "the copy does not follow the native buffer");
    }

    @Test
    void anEmptyPacketHasAnEmptyView() {
        JnaPacket p = new JnaPacket(1000, false);
        header(1, 0, 0, 0);
        load(p, 0);
        assertEquals(0, p.data().remaining());
        assertEquals(0, p.copy().bytes().length);
    }
}
