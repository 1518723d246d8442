/**
 * Application protocols, one decoder a file (DNS, HTTP, TLS, QUIC, SIP, Diameter, RADIUS, NetBIOS and SMB,
 * DCE/RPC, ONC RPC, Kerberos, Rx, MGCP, CoAP, Modbus, OpenFlow, TFTP, sFlow), registered with their ports and
 * the protocols only named in {@link dev.trawl.decode.internal.application.ApplicationProtocols}; with the DNS,
 * DHCP, NTP, HTTP and TLS fields.
 */
package dev.trawl.decode.internal.application;
