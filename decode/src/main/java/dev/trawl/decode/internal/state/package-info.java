/**
 * What decoding keeps across packets when asked to, behind the SPI's services: the conversations followed
 * ({@link dev.trawl.decode.spi.Conversations}), messages put back together from TCP segments
 * ({@link dev.trawl.decode.spi.StreamReassembly}) and datagrams from IP fragments
 * ({@link dev.trawl.decode.spi.FragmentReassembly}). Each is bounded; one of each per decoder.
 */
package dev.trawl.decode.internal.state;
