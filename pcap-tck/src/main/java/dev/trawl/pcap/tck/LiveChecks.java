package dev.trawl.pcap.tck;

/** Live capture on a veth pair. */
abstract class LiveChecks extends KitPart {
}
