/**
 * The built-in protocols and what they share, not exported: {@link dev.trawl.decode.internal.BuiltinProtocols}
 * registers each family's protocols through the public SPI, {@code BuiltinFields} their fields in the order they
 * are listed, {@link dev.trawl.decode.internal.FastPath} calls the hottest decoders directly, and
 * {@link dev.trawl.decode.internal.Decoders}, {@link dev.trawl.decode.internal.FieldSupport},
 * {@link dev.trawl.decode.internal.Bytes} and {@link dev.trawl.decode.internal.IntMap} are the helpers decoders,
 * fields and the registry are made of. Each family lives in a subpackage: {@code link}, {@code wireless},
 * {@code lan}, {@code network}, {@code transport}, {@code tunnel}, {@code routing}, {@code application}; what
 * decoding keeps across packets lives in {@code state}.
 */
package dev.trawl.decode.internal;
