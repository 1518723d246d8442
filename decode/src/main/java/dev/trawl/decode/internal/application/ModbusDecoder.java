package dev.trawl.decode.internal.application;

import static dev.trawl.decode.internal.Bytes.u16;
import static dev.trawl.decode.internal.Decoders.header;

import dev.trawl.decode.Protocols;
import dev.trawl.decode.spi.DecodeContext;
import dev.trawl.decode.spi.ProtocolDecoder;

/**
 * Modbus/TCP ({@code mbtcp}): a 7-byte MBAP header (protocol id 0, then the length of what follows it) and a
 * Modbus PDU ({@code modbus}). A PDU not yet whole shows nothing, as Wireshark waits for the rest. Immutable.
 */
final class ModbusDecoder implements ProtocolDecoder {
    private final int modbus;

    /** @param modbus the id of {@code modbus} */
    ModbusDecoder(int modbus) {
        this.modbus = modbus;
    }

    @Override
    public int decode(byte[] buf, int off, int end, DecodeContext ctx) {
        if (off + 8 > end || u16(buf, off + 2) != 0 || u16(buf, off + 4) < 2) {
            return ProtocolDecoder.REJECT;
        }
        if (off + 6 + u16(buf, off + 4) > end) {
            return Protocols.NONE;
        }
        ctx.addLayer(ctx.protocol(), off, 7, end);
        ctx.addLayer(modbus, off + 7, 0, end);
        return Protocols.NONE;
    }
}
