/**
 * The network layer: IPv4, IPv6 and its extension headers, IPsec (AH, ESP, IPComp, NAT-T), ICMP, ICMPv6, IGMP,
 * what a quotation is (an ICMP error's, an sFlow sample's), and the other network protocols only named (IPX,
 * AppleTalk, DECnet, ...); with the IP and ICMP fields.
 */
package dev.trawl.decode.internal.network;
