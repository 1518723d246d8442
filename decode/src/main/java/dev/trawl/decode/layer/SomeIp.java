package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * A SOME/IP message header (AUTOSAR's Scalable service-Oriented MiddlewarE over IP), 16 bytes:
 *
 * <pre>
 * +-------------------------------+-------------------------------+
 * |          service id           | E |   method or event id      |
 * +-------------------------------+-------------------------------+
 * |                 length (of what follows this field)           |
 * +-------------------------------+-------------------------------+
 * |          client id            |          session id           |
 * +---------------+---------------+---------------+---------------+
 * | protocol ver. | interface ver.| message type  |  return code  |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 *
 * See {@link Flyweight}; not thread-safe.
 */
public final class SomeIp extends Flyweight {
    /** The header's length. */
    public static final int HEADER_LENGTH = 16;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public SomeIp() {
    }

    /** Points this view at a SOME/IP header. */
    public SomeIp wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    /** The service id ({@code someip.serviceid}). */
    public int serviceId() {
        return u16(0);
    }

    /** Whether the id after the service's names an event (its top bit) rather than a method. */
    public boolean isEvent() {
        return (u16(2) & 0x8000) != 0;
    }

    /** The method or event id without the event bit. */
    public int methodOrEventId() {
        return u16(2) & 0x7fff;
    }

    /** The length of the rest of the message from the request id on ({@code someip.length}). */
    public long length() {
        return u32(4);
    }

    /** The client id ({@code someip.clientid}). */
    public int clientId() {
        return u16(8);
    }

    /** The session id ({@code someip.sessionid}). */
    public int sessionId() {
        return u16(10);
    }

    /** The protocol version ({@code someip.protoversion}). */
    public int protocolVersion() {
        return u8(12);
    }

    /** The interface version ({@code someip.interfaceversion}). */
    public int interfaceVersion() {
        return u8(13);
    }

    /** The message type ({@code someip.messagetype}). */
    public int messageType() {
        return u8(14);
    }

    /** The return code ({@code someip.returncode}). */
    public int returnCode() {
        return u8(15);
    }
}
