package dev.trawl.pcap.pcap4j;

import com.sun.jna.Callback;
import com.sun.jna.Native;

/**
 * Catches exceptions thrown inside pcap4j's own packet callback. pcap4j builds each packet's
 * {@code java.sql.Timestamp} before it calls our listener; when that throws (a sub-second field out of
 * range in a file), JNA's default handler prints the exception and the packet is silently lost. This
 * handler turns it into a failure of the read that is running on this thread, and hands every other
 * callback exception to the handler that was installed before.
 */
final class CallbackFailures implements Callback.UncaughtExceptionHandler {
    private static final ThreadLocal<Delivery> CURRENT = new ThreadLocal<>();
    private static final String PCAP4J_CALLBACKS = "org.pcap4j.core.PcapHandle$";

    private final Callback.UncaughtExceptionHandler previous;

    private CallbackFailures(Callback.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Installs the handler once, in front of JNA's current one. */
    static synchronized void install() {
        Callback.UncaughtExceptionHandler current = Native.getCallbackExceptionHandler();
        if (!(current instanceof CallbackFailures)) {
            Native.setCallbackExceptionHandler(new CallbackFailures(current));
        }
    }

    /** Marks the delivery running on this thread, for the duration of one pcap4j loop or dispatch. */
    static void enter(Delivery delivery) {
        CURRENT.set(delivery);
    }

    static void exit() {
        CURRENT.remove();
    }

    @Override
    public void uncaughtException(Callback callback, Throwable e) {
        Delivery delivery = CURRENT.get();
        if (delivery != null && callback.getClass().getName().startsWith(PCAP4J_CALLBACKS)) {
            delivery.undeliverable(e);
        } else if (previous != null) {
            previous.uncaughtException(callback, e);
        }
    }
}
