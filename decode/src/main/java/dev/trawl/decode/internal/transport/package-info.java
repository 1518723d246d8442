/**
 * The transport layer: TCP (with its payload dispatch and heuristics), UDP (with the DNS heuristic), SCTP,
 * DCCP, the pseudo-header checksum; with the TCP, UDP and SCTP fields.
 */
package dev.trawl.decode.internal.transport;
