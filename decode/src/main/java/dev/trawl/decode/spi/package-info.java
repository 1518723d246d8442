/**
 * The service interface for new protocols: a {@link dev.trawl.decode.spi.DecoderPlugin}, found with
 * {@link java.util.ServiceLoader}, registers {@link dev.trawl.decode.spi.ProtocolDecoder}s and binds them to
 * keys of the {@link dev.trawl.decode.spi.Dispatch} tables (link types, EtherTypes, IP protocol numbers, TCP,
 * UDP and SCTP ports, ...). The decoder loop follows those tables; no central switch needs editing.
 *
 * <p>trawl's own protocols are registered through this same interface and use nothing else: a decoder learns
 * the id it was called for from its {@link dev.trawl.decode.spi.DecodeContext}, takes the ids of the other
 * protocols it names from the {@link dev.trawl.decode.spi.ProtocolRegistrar} when it is registered, and reaches
 * the state the decoder keeps across packets through the context: {@link dev.trawl.decode.spi.Conversations},
 * {@link dev.trawl.decode.spi.StreamReassembly} and {@link dev.trawl.decode.spi.FragmentReassembly}.
 */
package dev.trawl.decode.spi;
