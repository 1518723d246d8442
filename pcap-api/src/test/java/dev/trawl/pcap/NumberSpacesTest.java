package dev.trawl.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link EtherType} and {@link IpProtocol}: open number spaces that keep unknown values. */
class NumberSpacesTest {
    @Test
    void etherTypeValueOfReturnsConstantsAndKeepsUnknownValues() {
        assertSame(EtherType.IPV6, EtherType.valueOf(0x86DD));
        assertEquals("IPv6", EtherType.IPV6.toString());
        EtherType odd = EtherType.valueOf(0x1234);
        assertEquals(0x1234, odd.value());
        assertEquals("0x1234", odd.name());
        assertFalse(odd.isKnown());
        assertTrue(EtherType.VLAN.isKnown());
        assertEquals(odd, EtherType.valueOf(0x1234));
        assertEquals(odd.hashCode(), EtherType.valueOf(0x1234).hashCode());
    }

    @Test
    void etherTypeNamesWhatThePcapFilterLanguageNames() {
        // pcap-filter(7)'s 'ether proto' names beside IPv4, IPv6, ARP and RARP, with libpcap's numbers.
        assertSame(EtherType.DEC_MOP_DUMP_LOAD, EtherType.valueOf(0x6001));
        assertSame(EtherType.DEC_MOP_REMOTE_CONSOLE, EtherType.valueOf(0x6002));
        assertSame(EtherType.DECNET, EtherType.valueOf(0x6003));
        assertSame(EtherType.DEC_LAT, EtherType.valueOf(0x6004));
        assertSame(EtherType.DEC_SCA, EtherType.valueOf(0x6007));
        assertSame(EtherType.APPLETALK, EtherType.valueOf(0x809B));
        assertSame(EtherType.AARP, EtherType.valueOf(0x80F3));
        assertSame(EtherType.LOOPBACK, EtherType.valueOf(0x9000));
        // The smallest EtherType is Xerox's, and a type rather than a length.
        assertSame(EtherType.XEROX_NS_IDP, EtherType.valueOf(EtherType.MIN_VALUE));
        assertFalse(EtherType.XEROX_NS_IDP.isLength());
    }

    @Test
    void etherTypeTellsLengthsFromTypes() {
        assertTrue(EtherType.valueOf(0x05DC).isLength());
        assertFalse(EtherType.IPV4.isLength());
        assertThrows(IllegalArgumentException.class, () -> EtherType.valueOf(0x10000));
        assertThrows(IllegalArgumentException.class, () -> EtherType.valueOf(-1));
    }

    @Test
    void ipProtocolValueOfReturnsConstantsAndKeepsUnknownValues() {
        assertSame(IpProtocol.TCP, IpProtocol.valueOf(6));
        assertSame(IpProtocol.ICMPV6, IpProtocol.valueOf(58));
        IpProtocol odd = IpProtocol.valueOf(253);
        assertEquals("ip-proto-253", odd.name());
        assertFalse(odd.isKnown());
        assertEquals(odd, IpProtocol.valueOf(253));
        assertThrows(IllegalArgumentException.class, () -> IpProtocol.valueOf(256));
    }

    @Test
    void ipProtocolKnowsIpv6ExtensionHeaders() {
        assertTrue(IpProtocol.FRAGMENT.isIpv6ExtensionHeader());
        assertTrue(IpProtocol.HOPOPTS.isIpv6ExtensionHeader());
        assertFalse(IpProtocol.TCP.isIpv6ExtensionHeader());
        assertFalse(IpProtocol.NO_NEXT_HEADER.isIpv6ExtensionHeader());
    }
}
