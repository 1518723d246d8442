package dev.trawl.decode;

import static dev.trawl.decode.TestPackets.cat;
import static dev.trawl.decode.TestPackets.eth;
import static dev.trawl.decode.TestPackets.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.decode.layer.Clnp;
import dev.trawl.decode.layer.Esis;
import org.junit.jupiter.api.Test;

/**
 * The OSI network layer's protocols: CLNP and ES-IS found by their protocol id over LLC, after Ethernet's OSI type
 * and over Frame Relay, the views' header fields, and their checksums as ISO 8473 computes them.
 */
class OsiDecodingTest extends FrameDecoding {
    private static final String NSAP_A = "0a49000119216800100100";
    private static final String NSAP_B = "0a49000119216800100200";
    /** A CLNP echo request from 49.0002 to 49.0001, two bytes of data. */
    private static final String ECHO_REQUEST = "811101101e00130000" + "03490001" + "03490002" + "0102";

    private static byte[] llc(String pdu) {
        byte[] body = cat(hex("fefe03"), hex(pdu));
        return eth(body.length, body);
    }

    @Test
    void clnpOverLlcIsItsOwnLayerAfterTheOsiOne() {
        DecodedPacket p = decode(llc(ECHO_REQUEST));
        assertEquals("eth:llc:osi:clnp", protocols(p));
        int layer = p.layerCount() - 1;
        Clnp m = new Clnp().wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        assertEquals(17, m.lengthIndicator());
        assertEquals(1, m.version());
        assertEquals(16, m.lifetime());
        assertEquals(30, m.pduType(), "echo request");
        assertEquals(0, m.flags());
        assertEquals(19, m.segmentLength());
    }

    @Test
    void ethernetsOsiTypeStaysDataAsWiresharkLeavesIt() {
        // tcpdump reads type 0xFEFE as OSI after one byte; Wireshark, whose frames the decoder follows, binds
        // nothing to it
        DecodedPacket p = decode(eth(0xFEFE, cat(hex("00"), hex(ECHO_REQUEST))));
        assertEquals("eth:ethertype:data", protocols(p));
    }

    @Test
    void esisHeaderAndItsChecksumAsIso8473ComputesIt() {
        // an intermediate system hello whose checksum field holds 0x1234 where 0xe61a belongs (tcpdump agrees)
        DecodedPacket p = decode(llc("821d010004001e1234" + NSAP_A + "c602000a" + "810381cc8e"));
        assertEquals("eth:llc:osi:esis", protocols(p));
        int layer = p.layerCount() - 1;
        Esis m = new Esis().wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        assertEquals(29, m.lengthIndicator());
        assertEquals(1, m.version());
        assertEquals(4, m.pduType(), "ISH");
        assertEquals(30, m.holdingTime());
        assertEquals(0x1234, m.checksum());
        assertEquals(0xe61a, m.expectedChecksum());
    }

    @Test
    void aChecksumOverBytesNotCapturedCannotBeVerified() {
        DecodedPacket p = decode(llc("8226010006001e0000" + NSAP_B));
        int layer = p.layerCount() - 1;
        Esis m = new Esis().wrap(p.buffer(), p.offset(layer), p.end() - p.offset(layer));
        assertTrue(m.lengthIndicator() > m.regionLength());
        assertEquals(-1, m.expectedChecksum());
    }

    @Test
    void frameRelayReadsNlpidEncapsulationAfterAControlFieldThatIsNoEtherType() {
        // Q.922 address of three bytes, a control byte of 0x22 (Cisco's encapsulation would make it type 0x2200),
        // padding, then ES-IS
        byte[] frame = hex("000c05" + "22" + "00" + "8211015526574370a1" + "02002200");
        DecodedPacket p = decoder.decode(107, frame, 0, frame.length);
        assertEquals("fr:esis", protocols(p));
    }
}
