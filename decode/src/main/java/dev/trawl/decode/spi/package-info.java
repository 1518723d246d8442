/**
 * The service interface for new protocols: a {@link dev.trawl.decode.spi.DecoderPlugin}, found with
 * {@link java.util.ServiceLoader}, registers {@link dev.trawl.decode.spi.ProtocolDecoder}s and binds them to
 * keys of the {@link dev.trawl.decode.spi.Dispatch} tables (link types, EtherTypes, IP protocol numbers, TCP,
 * UDP and SCTP ports, ...). The decoder loop follows those tables; no central switch needs editing.
 */
package dev.trawl.decode.spi;
