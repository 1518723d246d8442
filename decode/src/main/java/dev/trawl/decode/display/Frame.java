package dev.trawl.decode.display;

import dev.trawl.decode.DecodedPacket;

/** The packet a compiled filter is evaluated on, with what its parts share while evaluating it. Not thread-safe. */
final class Frame {
    DecodedPacket packet;
    final FieldReader reader = new FieldReader();

    Frame of(DecodedPacket p) {
        this.packet = p;
        return this;
    }
}
