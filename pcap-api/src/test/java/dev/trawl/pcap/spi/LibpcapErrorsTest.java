package dev.trawl.pcap.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Capability;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.NoSuchDeviceException;
import dev.trawl.pcap.PcapException;
import dev.trawl.pcap.PermissionDeniedException;
import dev.trawl.pcap.UnsupportedCapabilityException;

import org.junit.jupiter.api.Test;

class LibpcapErrorsTest {
    @Test
    void statusesMapToTheExceptionsACallerCanActOn() {
        PcapException missing = LibpcapErrors.forStatus("eth9", LibpcapErrors.NO_SUCH_DEVICE,
                "No such device exists", "SIOCGIFINDEX: No such device");
        NoSuchDeviceException noSuchDevice = assertInstanceOf(NoSuchDeviceException.class, missing);
        assertEquals("eth9", noSuchDevice.device());
        assertEquals(LibpcapErrors.NO_SUCH_DEVICE, missing.status());
        assertEquals("eth9: No such device exists (SIOCGIFINDEX: No such device)", missing.getMessage());

        PcapException denied = LibpcapErrors.forStatus("eth0", LibpcapErrors.PERM_DENIED,
                "You don't have permission to perform this capture on that device", "socket: Operation not permitted");
        assertInstanceOf(PermissionDeniedException.class, denied);
        assertEquals(LibpcapErrors.PERM_DENIED, denied.status());
        assertTrue(denied.getMessage().contains("socket: Operation not permitted"), denied.getMessage());
        if (System.getProperty("os.name").equals("Linux")) {
            assertTrue(denied.getMessage().endsWith("; " + PermissionDeniedException.LINUX_HINT), denied.getMessage());
        }
        assertInstanceOf(PermissionDeniedException.class,
                LibpcapErrors.forStatus("eth0", LibpcapErrors.PROMISC_PERM_DENIED, "promiscuous", ""));

        PcapException notUp = LibpcapErrors.forStatus("eth0", LibpcapErrors.IFACE_NOT_UP, "That device is not up", "");
        assertEquals(PcapException.class, notUp.getClass());
        assertEquals(LibpcapErrors.IFACE_NOT_UP, notUp.status());
        assertEquals("eth0: That device is not up", notUp.getMessage());
    }

    @Test
    void aGenericErrorIsWordedByItsOwnTextAsTcpdumpDoes() {
        assertEquals("eth0: socket: Address family not supported",
                LibpcapErrors.forStatus("eth0", LibpcapErrors.ERROR, "Generic error", "socket: Address family not supported")
                        .getMessage());
        assertEquals("eth0: Generic error", LibpcapErrors.forStatus("eth0", LibpcapErrors.ERROR, "Generic error", null)
                .getMessage());
    }

    @Test
    void warningsKeepTheirDetail() {
        assertEquals("Generic warning", LibpcapErrors.warning("Generic warning", ""));
        assertEquals("That type of time stamp is not supported by that device: host",
                LibpcapErrors.warning("That type of time stamp is not supported by that device", "host"));
    }

    @Test
    void aFailedReadIsAMalformedFileOfflineAndACaptureFailureLive() {
        PcapException offline = LibpcapErrors.readFailure("x.pcap", true, "truncated dump file");
        assertInstanceOf(MalformedCaptureException.class, offline);
        assertEquals("x.pcap: truncated dump file", offline.getMessage());
        PcapException live = LibpcapErrors.readFailure("eth0", false, "The interface disappeared");
        assertEquals(PcapException.class, live.getClass());
        assertEquals("eth0: The interface disappeared", live.getMessage());
    }

    @Test
    void gzipIsRefusedAsAMissingCapability() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0};
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> LibpcapErrors.refuseGzip("jna", "x.pcap.gz", gzip, gzip.length));
        assertEquals(Capability.READ_GZIP, e.capability());
        assertEquals("jna", e.backend());
        assertTrue(e.getMessage().contains("x.pcap.gz is gzip-compressed"), e.getMessage());
        assertDoesNotThrow(() -> LibpcapErrors.refuseGzip("jna", "x.pcap", gzip, 1));
        byte[] pcap = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1};
        assertDoesNotThrow(() -> LibpcapErrors.refuseGzip("jna", "x.pcap", pcap, pcap.length));
    }
}
