/**
 * Tunnels and encapsulations, decoded through to what they carry: GRE (with ERSPAN, Cisco MetaData, WCCP),
 * MPLS, VXLAN, VXLAN-GPE and NSH, GENEVE, L2TP, GTP, Teredo, EtherIP, LISP, and the VPNs only named; with the MPLS,
 * GRE, VXLAN and GENEVE fields.
 */
package dev.trawl.decode.internal.tunnel;
