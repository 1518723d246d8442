/**
 * Wireless LANs: the 802.11 MAC header, the radiotap and Prism headers of monitor-mode captures, LWAPP (and
 * CAPWAP by name); with the 802.11 and radiotap fields.
 */
package dev.trawl.decode.internal.wireless;
