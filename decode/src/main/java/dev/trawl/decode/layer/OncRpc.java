package dev.trawl.decode.layer;

import java.nio.ByteBuffer;

/**
 * An ONC RPC message (RFC 5531), as over UDP or after TCP's record mark: XDR words that a printer walks through
 * the {@link TlvMessage} accessors, the fixed ones named here.
 *
 * <pre>
 * call:  xid | direction (0) | rpc version | program | version | procedure | credentials | verifier | arguments
 * reply: xid | direction (1) | reply status | (accepted) verifier | accept status | results
 *                                           | (denied) reject status | versions or auth status
 * </pre>
 *
 * Credentials and verifiers are a flavor word, a length word and that many bytes padded to a word. See
 * {@link Flyweight}; not thread-safe.
 */
public final class OncRpc extends TlvMessage {
    public static final int CALL = 0;
    public static final int REPLY = 1;
    /** Where a call's credentials start. */
    public static final int CREDENTIALS = 24;
    /** Where a reply's status is. */
    public static final int REPLY_STATUS = 8;
    public static final int ACCEPTED = 0;
    public static final int DENIED = 1;

    /** Creates a view that points nowhere until {@code wrap} is called. */
    public OncRpc() {
    }

    /** Points this view at an RPC message whose {@code length} bytes were captured. */
    public OncRpc wrap(ByteBuffer buffer, int offset, int length) {
        wrapRegion(buffer, offset, length);
        return this;
    }

    public long xid() {
        return u32(0);
    }

    /** {@link #CALL} or {@link #REPLY} (or another value, for a message that is neither). */
    public long direction() {
        return u32(4);
    }

    public long program() {
        return u32(12);
    }

    public long version() {
        return u32(16);
    }

    public long procedure() {
        return u32(20);
    }

    public long replyStatus() {
        return u32(REPLY_STATUS);
    }
}
