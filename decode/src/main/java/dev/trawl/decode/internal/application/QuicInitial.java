package dev.trawl.decode.internal.application;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * QUIC version 1 Initial packets opened with the keys anyone can derive from the destination connection ID of the
 * client's first Initial packet (RFC 9001, section 5.2), as Wireshark opens them: header protection removed, the
 * payload decrypted and authenticated, and its frames read for a CRYPTO frame (which carries the TLS handshake).
 * The client's first Initial packet carries that ID; the later ones of both sides need it remembered. Stateless and
 * thread-safe; each call makes its own ciphers (Initial packets are a few per connection).
 */
final class QuicInitial {
    /** What {@link #crypto} says of a packet whose keys are not the ones its connection ID gives. */
    static final int NOT_OPENED = -1;
    /** The Initial salt of QUIC version 1 (RFC 9001, section 5.2). */
    private static final byte[] SALT_V1 = {
        0x38, 0x76, 0x2c, (byte) 0xf7, (byte) 0xf5, 0x59, 0x34, (byte) 0xb3, 0x4d, 0x17, (byte) 0x9a, (byte) 0xe6,
        (byte) 0xa4, (byte) 0xc8, 0x0c, (byte) 0xad, (byte) 0xcc, (byte) 0xbb, 0x7f, 0x0a,
    };
    private static final int TAG_LENGTH = 16;
    private static final int SAMPLE_LENGTH = 16;
    private static final int MAX_CONNECTION_ID = 20;
    private static final int FRAME_PADDING = 0x00;
    private static final int FRAME_PING = 0x01;
    private static final int FRAME_ACK = 0x02;
    private static final int FRAME_ACK_ECN = 0x03;
    private static final int FRAME_CRYPTO = 0x06;

    private QuicInitial() {
    }

    /**
     * Where the Initial packet whose long header starts at {@code off} (within a datagram ending at {@code end}) ends:
     * its Length field counts from the packet number on. -1 if its header is cut or not well-formed.
     */
    static int packetEnd(byte[] b, int off, int end) {
        int p = payloadStart(b, off, end);
        if (p < 0) {
            return -1;
        }
        long length = varint(b, p, end);
        if (length < 0) {
            return -1;
        }
        long packetEnd = p + varintLength(b, p) + length;
        return packetEnd > end ? -1 : (int) packetEnd;
    }

    /** The destination connection ID of the long header at {@code off} (whose header {@link #packetEnd} checked). */
    static byte[] destination(byte[] b, int off) {
        int length = b[off + 5] & 0xFF;
        byte[] id = new byte[length];
        System.arraycopy(b, off + 6, id, 0, length);
        return id;
    }

    /**
     * Whether the Initial packet at {@code [off, packetEnd)} carries a CRYPTO frame, opened with the keys of the
     * client ({@code server} false) or server of a connection whose first destination connection ID was
     * {@code connectionId}: 1 if it does, 0 if it opens and does not, {@link #NOT_OPENED} if those keys do not open
     * it.
     */
    static int crypto(byte[] b, int off, int packetEnd, byte[] connectionId, boolean server) {
        int lengthAt = payloadStart(b, off, packetEnd);
        if (lengthAt < 0) {
            return NOT_OPENED;
        }
        int pnOffset = lengthAt + varintLength(b, lengthAt);
        if (pnOffset + 4 + SAMPLE_LENGTH > packetEnd) {
            return NOT_OPENED;
        }
        try {
            byte[] secret = expandLabel(extract(SALT_V1, connectionId), server ? "server in" : "client in", 32);
            byte[] key = expandLabel(secret, "quic key", 16);
            byte[] iv = expandLabel(secret, "quic iv", 12);
            byte[] hp = expandLabel(secret, "quic hp", 16);
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hp, "AES"));
            byte[] mask = ecb.doFinal(b, pnOffset + 4, SAMPLE_LENGTH);
            int first = (b[off] ^ mask[0] & 0x0F) & 0xFF;
            int pnLength = (first & 0x03) + 1;
            int payload = pnOffset + pnLength;
            if (payload + TAG_LENGTH > packetEnd) {
                return NOT_OPENED;
            }
            byte[] header = new byte[payload - off];
            System.arraycopy(b, off, header, 0, header.length);
            header[0] = (byte) first;
            long pn = 0;
            for (int i = 0; i < pnLength; i++) {
                int at = pnOffset - off + i;
                header[at] = (byte) (header[at] ^ mask[1 + i]);
                pn = pn << 8 | (header[at] & 0xFF);
            }
            for (int i = 0; i < 8; i++) {
                iv[iv.length - 1 - i] ^= (byte) (pn >>> 8 * i);
            }
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG_LENGTH, iv));
            gcm.updateAAD(header);
            byte[] frames = gcm.doFinal(b, payload, packetEnd - payload);
            return hasCrypto(frames) ? 1 : 0;
        } catch (AEADBadTagException e) {
            return NOT_OPENED; // not a client's packet, or damaged
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM or HMAC-SHA256", e);
        }
    }

    /** Whether the frames of an Initial packet's payload hold a CRYPTO frame before anything not understood. */
    static boolean hasCrypto(byte[] f) {
        int p = 0;
        while (p < f.length) {
            long type = varint(f, p, f.length);
            if (type < 0) {
                return false;
            }
            p += varintLength(f, p);
            if (type == FRAME_CRYPTO) {
                return true;
            }
            if (type == FRAME_ACK || type == FRAME_ACK_ECN) {
                // largest acknowledged, delay, range count, first range, then a gap and a length per range
                long ranges = -1;
                for (int field = 0; field < 4; field++) {
                    long v = varint(f, p, f.length);
                    if (v < 0) {
                        return false;
                    }
                    p += varintLength(f, p);
                    ranges = field == 2 ? v : ranges;
                }
                long more = 2 * ranges + (type == FRAME_ACK_ECN ? 3 : 0);
                for (long i = 0; i < more; i++) {
                    if (varint(f, p, f.length) < 0) {
                        return false;
                    }
                    p += varintLength(f, p);
                }
            } else if (type != FRAME_PADDING && type != FRAME_PING) {
                return false; // CONNECTION_CLOSE, or a frame an Initial packet may not carry
            }
        }
        return false;
    }

    /**
     * Where the Length field of the long header at {@code off} starts: after the version, the two connection IDs
     * and the token. -1 if the header is cut or not well-formed.
     */
    private static int payloadStart(byte[] b, int off, int end) {
        int p = off + 5;
        for (int id = 0; id < 2; id++) {
            if (p >= end) {
                return -1;
            }
            int length = b[p] & 0xFF;
            if (length > MAX_CONNECTION_ID) {
                return -1;
            }
            p += 1 + length;
        }
        long token = varint(b, p, end);
        if (token < 0 || p + varintLength(b, p) + token >= end) {
            return -1;
        }
        return (int) (p + varintLength(b, p) + token);
    }

    /** The variable-length integer at {@code at}, or -1 if it is cut. */
    static long varint(byte[] b, int at, int end) {
        if (at >= end) {
            return -1;
        }
        int length = varintLength(b, at);
        if (at + length > end) {
            return -1;
        }
        long v = b[at] & 0x3F;
        for (int i = 1; i < length; i++) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static int varintLength(byte[] b, int at) {
        return 1 << ((b[at] & 0xFF) >>> 6);
    }

    private static byte[] extract(byte[] salt, byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(key);
    }

    /** TLS 1.3's HKDF-Expand-Label with an empty context, for at most one hash's length. */
    private static byte[] expandLabel(byte[] secret, String label, int length) throws GeneralSecurityException {
        byte[] full = ("tls13 " + label).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] info = new byte[4 + full.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) full.length;
        System.arraycopy(full, 0, info, 3, full.length);
        info[info.length - 1] = 0;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        byte[] block = mac.doFinal();
        byte[] out = new byte[length];
        System.arraycopy(block, 0, out, 0, length);
        return out;
    }
}
