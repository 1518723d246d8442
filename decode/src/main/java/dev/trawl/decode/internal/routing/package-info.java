/**
 * Routing: OSI's network layer with IS-IS, PIM, and the routing and redundancy protocols only named (OSPF,
 * BGP, RIP, LDP, BFD, VRRP, HSRP, ...).
 */
package dev.trawl.decode.internal.routing;
