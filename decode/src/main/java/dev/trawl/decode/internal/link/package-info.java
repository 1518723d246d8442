/**
 * Link layers: the first layer of a frame, chosen by its link type (Ethernet, LLC/SNAP, Linux cooked capture,
 * BSD loopback, raw IP, PPP, Cisco HDLC, Frame Relay, the capture headers of Solaris, netfilter, InfiniBand,
 * ARCNET, ATM, Apple and OpenBSD, SocketCAN, Bluetooth HCI), and the link types only named; with the Ethernet
 * and Linux cooked capture fields.
 */
package dev.trawl.decode.internal.link;
