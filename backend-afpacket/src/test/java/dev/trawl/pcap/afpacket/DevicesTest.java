package dev.trawl.pcap.afpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.pcap.Device;
import dev.trawl.pcap.Pcap;
import dev.trawl.pcap.tck.VethPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The device list is libpcap's, entry for entry: names, descriptions, addresses, flags and order, for every
 * device a packet socket can capture on. Interfaces in every state are made for it: up and running, up
 * without carrier (its peer down), and down.
 */
@Tag("live")
class DevicesTest {
    @Test
    void theDevicesAreLibpcapsNetworkInterfacesInLibpcapsOrder() throws Exception {
        VethPair.requirePrivilege();
        try (VethPair running = VethPair.create(); VethPair noCarrier = VethPair.create();
                VethPair down = VethPair.create()) {
            noCarrier.setInnerUp(false);
            down.setOuterUp(false);
            Thread.sleep(200);
            List<Device> ours = null;
            List<Device> theirs = null;
            // other tests on the machine add and remove interfaces: compare two listings taken back to back,
            // on the interfaces both saw
            for (int attempt = 0; attempt < 5; attempt++) {
                theirs = Pcap.backend("panama").devices();
                ours = LiveFrames.afpacket().devices();
                Set<String> both = ours.stream().map(Device::name).collect(Collectors.toSet());
                both.retainAll(theirs.stream().map(Device::name).collect(Collectors.toSet()));
                ours = ours.stream().filter(d -> both.contains(d.name())).toList();
                theirs = theirs.stream().filter(d -> both.contains(d.name())).toList();
                if (ours.equals(theirs)) {
                    break;
                }
            }
            assertEquals(theirs, ours);
            Set<String> names = ours.stream().map(Device::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(List.of("any", "lo", running.a, noCarrier.a, down.a)), names.toString());
        }
    }

    @Test
    void everyDeviceListedIsANetworkInterfaceOrAny() throws Exception {
        for (Device d : LiveFrames.afpacket().devices()) {
            assertTrue(d.name().equals("any") || Files.isDirectory(Path.of("/sys/class/net", d.name())), d.toString());
        }
    }
}
