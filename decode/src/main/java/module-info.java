/**
 * trawl's packet decoder: flyweight protocol decoders that turn packet bytes into layers without allocating,
 * and a registry of Wireshark-named fields. Start with {@link dev.trawl.decode.PacketDecoder}.
 */
module dev.trawl.decode {
    requires transitive dev.trawl.pcap;

    exports dev.trawl.decode;
    exports dev.trawl.decode.layer;
    exports dev.trawl.decode.field;
    exports dev.trawl.decode.spi;
    exports dev.trawl.decode.display;
    exports dev.trawl.decode.conversation;

    uses dev.trawl.decode.spi.DecoderPlugin;
}
