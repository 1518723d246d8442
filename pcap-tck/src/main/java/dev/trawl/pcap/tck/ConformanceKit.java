package dev.trawl.pcap.tck;

import dev.trawl.pcap.Backend;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance kit every trawl capture provider runs. A provider's test extends this class and says which
 * backend to test:
 *
 * <pre>{@code
 * class JnaConformanceTest extends ConformanceKit {
 *     @Override protected Backend backend() throws Exception { return Pcap.backend("jna"); }
 * }
 * }</pre>
 *
 * <p>The kit checks every operation of the API against the shared corpus ({@code -Dtrawl.corpus}) and its
 * oracles (tshark's field dumps, libpcap's read status and filter code, {@code tcpdump} re-reading files),
 * and checks both directions of every {@link dev.trawl.pcap.Capability}: what a backend declares must work,
 * and what it does not declare must throw {@link dev.trawl.pcap.UnsupportedCapabilityException}. The groups:
 * <ul>
 *   <li>{@link Capabilities}: each capability, declared or not;</li>
 *   <li>{@link OfflineReading}: every capture of the corpus, read from a path and from a stream;</li>
 *   <li>{@link Corruption}: damaged copies of good captures, cut short or overwritten;</li>
 *   <li>{@link StatedRecords}: records whose lengths and times a damaged or hand-made file states, against
 *       tshark and tcpdump;</li>
 *   <li>{@link ReadSemantics}: next, dispatch, loop, breakLoop, handler exceptions, close;</li>
 *   <li>{@link Filtering}: compile verdicts, instructions, and offline matches;</li>
 *   <li>{@link Dumping}: dumper round trips in each declared format and mode;</li>
 *   <li>{@link Live} and {@link LiveControl} (tag {@code live}): each group creates a network namespace of its
 *       own ({@code trawl-} and a random suffix) with a veth pair across its boundary; the backend captures
 *       and sends on the end left in the JVM's namespace, while frames are injected (python3) and captured
 *       (tcpdump) on the peer inside; the namespace is deleted after the group, even on failure. They need
 *       root (skipped without it, failed without it when {@code CI=true}).</li>
 * </ul>
 * Every read is bounded in time, so a hanging backend fails instead of stalling the build.
 *
 * <p>Override {@link #libpcapSemantics()} and {@link #libpcapFilterCode()} for a provider that does not read
 * or compile through libpcap.
 */
public abstract class ConformanceKit {
    /** Creates the kit. */
    protected ConformanceKit() {
    }

    /**
     * The backend under test. Called often: return a cached instance, as {@code Pcap.backend(name)} does.
     *
     * @return the backend
     * @throws Exception if it cannot be had; every test then fails with that exception
     */
    protected abstract Backend backend() throws Exception;

    /**
     * Whether the backend reads files exactly as libpcap 1.10 does: it stops at the same frame with the same
     * error, and fails to open the same files. True by default; the pure-Java provider returns false and may
     * then read further where the format allows (pcapng sections with other link types, for instance).
     *
     * @return whether to hold the backend to libpcap's reading exactly
     */
    protected boolean libpcapSemantics() {
        return true;
    }

    /**
     * Whether the backend compiles filters with libpcap, so that its programs equal libpcap's instruction for
     * instruction and its error messages are libpcap's. True by default.
     *
     * @return whether to hold the backend to libpcap's filter code exactly
     */
    protected boolean libpcapFilterCode() {
        return true;
    }

    /** Each capability, in both directions. */
    @Nested
    class Capabilities extends CapabilityChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Every capture of the corpus against tshark, libpcap's read status and tcpdump. */
    @Nested
    class OfflineReading extends OfflineChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Damaged copies of good captures: a clear exception or a clean end, in bounded time. */
    @Nested
    class Corruption extends CorruptionChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Records as a damaged or hand-made file states them: lengths, times, and writing them back. */
    @Nested
    class StatedRecords extends StatedRecordChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** The reading calls, breaking, handler failures and closing. */
    @Nested
    class ReadSemantics extends ReadChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Filter compilation and matching against libpcap's results. */
    @Nested
    class Filtering extends FilterChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Dumper round trips. */
    @Nested
    class Dumping extends DumperChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Breaking and closing blocked live reads, and an interface deleted under a capture. */
    @Nested
    @Tag("live")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LiveControl extends LiveControlChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }

    /** Live capture across a network namespace the kit creates and deletes. */
    @Nested
    @Tag("live")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Live extends LiveChecks {
        @Override
        ConformanceKit kit() {
            return ConformanceKit.this;
        }
    }
}
