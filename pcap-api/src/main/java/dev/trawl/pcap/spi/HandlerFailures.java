package dev.trawl.pcap.spi;

import dev.trawl.pcap.PacketHandler;
import dev.trawl.pcap.PcapException;

import java.io.IOException;

/**
 * What a backend does with the exception a {@link PacketHandler} threw, once the native loop that called
 * the handler has returned (an exception must never unwind through C): what {@code PacketHandler} documents.
 *
 * <pre>{@code
 * Throwable failure = ...; // kept by the callback, which then broke the native loop
 * if (failure != null) {
 *     throw HandlerFailures.rethrow(failure);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class HandlerFailures {
    private HandlerFailures() {
    }

    /**
     * Rethrows a handler's unchecked exception or error as itself; returns, for the caller to throw, a
     * {@link PcapException} as itself, and any other checked exception wrapped in a {@code PcapException}
     * whose cause it is.
     */
    public static PcapException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof PcapException e) {
            return e;
        }
        String detail = failure instanceof IOException ? failure.getMessage() : failure.toString();
        return new PcapException("packet handler failed: " + detail, failure);
    }
}
