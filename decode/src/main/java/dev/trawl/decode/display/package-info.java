/**
 * Wireshark's display-filter language as a library: {@link dev.trawl.decode.display.DisplayFilter} compiles an
 * expression once and tests decoded packets against it, with tshark's semantics and tshark's error messages
 * ({@link dev.trawl.decode.display.DisplayFilterException}). The grammar is in the decode module's README.
 */
package dev.trawl.decode.display;
