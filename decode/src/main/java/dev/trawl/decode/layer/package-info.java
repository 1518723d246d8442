/**
 * Flyweights over protocol headers, in the style of Agrona and SBE: {@code wrap(buffer, offset, length)}
 * returns the view, accessors read big-endian at absolute indexes and widen unsigned values, and a field
 * beyond the wrapped bytes reads as 0 instead of throwing. Each class documents its header with an RFC-style
 * diagram. Views are reusable and not thread-safe; they refer to the caller's buffer.
 */
package dev.trawl.decode.layer;
