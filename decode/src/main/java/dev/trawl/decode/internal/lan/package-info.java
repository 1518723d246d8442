/**
 * What a LAN carries beside IP: VLAN tags, ARP, PPPoE, MACsec, Arista's timestamp header, the loopback test,
 * the slow protocols, B.A.T.M.A.N. advanced, and the bridge and switch protocols only named (spanning tree, LLDP,
 * 802.1X, CDP, ...); with the VLAN, ARP and PPPoE fields.
 */
package dev.trawl.decode.internal.lan;
