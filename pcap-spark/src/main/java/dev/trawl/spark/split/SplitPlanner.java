package dev.trawl.spark.split;

import dev.trawl.pcap.CaptureFormat;
import dev.trawl.pcap.MalformedCaptureException;
import dev.trawl.pcap.file.CaptureCursor;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans the splits of one capture file so that together they read exactly what a sequential reader reads, in
 * time linear in the file's size, most of it in parallel.
 *
 * <p>Nothing in a classic pcap file marks where a record starts, and a pcapng block's framing can be imitated
 * by the bytes of a packet (a capture of a capture file), so no split can prove its own first record. The chain
 * of records from the start of the file is the only truth. Planning therefore runs in two steps:
 * <ol>
 * <li>One {@link Probe} per split, in parallel: split 0 walks the chain from the start of the file through its
 * range; every other split guesses its first record ({@link Resync}) and, for pcapng, the section it is in (the
 * file's first), and walks from there through its range, as a reader would (malformed records handled as under
 * {@code skip}). Each reports its {@link Walk}: where it started, the chain positions it read early on, the
 * section and interface blocks it read, its first malformed record, and where the chain left its range.</li>
 * <li>For a pcapng file of several sections, a second round of probes, in parallel too ({@link #rewalks}): the
 * splits whose guess was made in the wrong section walk again from their start in the right one, as the first
 * round's walks place them.</li>
 * <li>{@link #stitch}, sequential and cheap: starting from split 0, whose walk is the truth, each split's true
 * start is where the previous split's chain left its range. A walk that started there, in the right section, is
 * the truth too; one that guessed wrong is repaired by walking from the true start until the two chains meet
 * (they share every record from then on; usually within a few records), or through the whole split when they do
 * not meet soon or the guessed section was wrong. A wrong guess costs time, never rows.</li>
 * </ol>
 * The plan gives each split its true start and section ({@link Split}), where the next split starts (which the
 * reader checks when it gets there), and the chain's first malformed record, where {@code stop} and {@code fail}
 * end every split. Not thread-safe; stateless between calls.
 */
public final class SplitPlanner {
    /** How far past a split's start a probe keeps the chain positions it read, for the two chains to meet in. */
    static final long MEET_WINDOW = 256 << 10;
    /** The most positions a probe keeps. */
    static final int MAX_POSITIONS = 1 << 14;
    /** The most malformed records a walk lists. */
    static final int MAX_MALFORMED = 64;
    /** The most pcapng blocks read from the start of a file to guess a split's section. */
    static final int SECTION_GUESS_BLOCKS = 1024;

    private SplitPlanner() {
    }

    /**
     * What to walk: a split's range, and where to start, or -1 to guess.
     *
     * @param start the first byte of the split
     * @param end the byte after it
     * @param position the chain position to start at, or -1 to guess one in the range
     * @param context the section to start in, when the position is given
     */
    public record Probe(long start, long end, long position, Context context) implements Serializable {
    }

    /** What one probe saw. Immutable once made. */
    public static final class Walk implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Where the walk started, or -1 when no record start was found in the range. */
        final long position;
        /** The section it started in. */
        final Context context;
        /** The chain positions read before {@link #MEET_WINDOW} past the range's start, in order. */
        final long[] positions;
        /**
         * The blocks read that set the section at the walk's end: the last section header and the interface
         * descriptions after it (all those read, when it read no section header), as position, type, position,
         * type, ... Bounded by the interfaces a section may have, however many sections the range holds.
         */
        final long[] blocks;
        /** The first section header or interface description block read, or -1. */
        final long firstBlock;
        /** The first {@value #MAX_MALFORMED} malformed records, in order. */
        final long[] malformed;
        /** Whether there were more. */
        final boolean moreMalformed;
        /**
         * Where the chain left the range; -1 when it resynchronised past it; {@code -p - 2} when the walk stopped
         * at position {@code p}, where it met another.
         */
        final long next;

        Walk(long position, Context context, long[] positions, long[] blocks, long firstBlock, long[] malformed,
                boolean moreMalformed, long next) {
            this.position = position;
            this.context = context;
            this.positions = positions;
            this.blocks = blocks;
            this.firstBlock = firstBlock;
            this.malformed = malformed;
            this.moreMalformed = moreMalformed;
            this.next = next;
        }

        static Walk nothing(Context context, long next) {
            return new Walk(-1, context, new long[0], new long[0], -1, new long[0], false, next);
        }

        /** The first malformed record at or after {@code from}, -1 if none, -2 if the list is too short to say. */
        long firstMalformed(long from) {
            for (long m : malformed) {
                if (m >= from) {
                    return m;
                }
            }
            return moreMalformed ? -2 : -1;
        }

        @Override
        public String toString() {
            return "Walk[from " + position + " in " + context + " to " + next + ", malformed "
                    + Arrays.toString(malformed) + "]";
        }
    }

    /** Runs probes: in this process, or as a Spark job. */
    @FunctionalInterface
    public interface Runner {
        /** The walks of the probes, in the same order. */
        List<Walk> run(List<Probe> probes) throws IOException;
    }

    /** One probe per split of a file of {@code length} bytes: split 0 from the start, the others guessing. */
    public static List<Probe> probes(long length, long splitSize) {
        List<Probe> probes = new ArrayList<>();
        for (long start = 0; start < length; start += splitSize) {
            probes.add(new Probe(start, Math.min(length, start + splitSize), start == 0 ? 0 : -1, Context.NONE));
        }
        return probes;
    }

    /** Plans a file in this process: the probes, and those walked again, run here, one after another. */
    public static List<Split> plan(SplitReader.Opener opener, long length, long splitSize) throws IOException {
        List<Probe> probes = probes(length, splitSize);
        List<Walk> walks = new ArrayList<>();
        for (Probe p : probes) {
            walks.add(probe(opener, p));
        }
        List<Probe> again = rewalks(probes, walks);
        for (int k = 0; k < again.size(); k++) {
            if (again.get(k) != null) {
                walks.set(k, probe(opener, again.get(k)));
            }
        }
        return stitch(opener, probes, walks);
    }

    /**
     * The probes worth walking again before {@link #stitch}, as a second round that runs in parallel like the
     * first: those of splits whose guess was made in another pcapng section than the one the chain is in there
     * (a file of several sections), each given the split's start on the chain and its section; null for the
     * others. Reads nothing: where a split's chain starts and which section it is in are taken from the first
     * round's walks, each assumed to leave its split where the chain does (a guess in another section of the
     * same byte order frames the same blocks). Stitching checks every walk, so an assumption that fails costs a
     * walk on the driver, never rows.
     */
    public static List<Probe> rewalks(List<Probe> probes, List<Walk> walks) {
        List<Probe> again = new ArrayList<>();
        for (int k = 0; k < probes.size(); k++) {
            again.add(null);
        }
        long at = walks.get(0).position;
        Section section = new Section();
        for (int k = 0; k < probes.size() && at >= 0; k++) {
            Probe probe = probes.get(k);
            Walk walk = walks.get(k);
            Context context = section.context();
            if (at >= probe.end()) {
                continue; // a record that started earlier covers the split
            }
            if (walk.position >= 0 && !walk.context.equals(context)) {
                again.set(k, new Probe(probe.start(), probe.end(), at, context));
            }
            section.advance(walk.blocks);
            at = walk.next;
        }
        return again;
    }

    /** Walks one probe's split. */
    public static Walk probe(SplitReader.Opener opener, Probe probe) throws IOException {
        try (CaptureCursor cursor = opener.open()) {
            if (probe.position() >= 0) {
                return walk(cursor, probe.position(), probe.context(), probe.start(), probe.end(), null);
            }
            Context guess = cursor.format() == CaptureFormat.PCAPNG ? firstSection(cursor) : Context.NONE;
            guess.load(cursor);
            long found = new Resync(cursor).find(probe.start(), probe.end());
            if (found < 0) {
                return Walk.nothing(guess, -1);
            }
            return walk(cursor, found, guess, probe.start(), probe.end(), null);
        } catch (MalformedCaptureException e) {
            // A file whose header is bad holds nothing (or fails) for every split alike.
            return Walk.nothing(Context.NONE, probe.end());
        }
    }

    /** The file's first section and the interfaces described before its first packet: a guess for any split. */
    private static Context firstSection(CaptureCursor cursor) throws IOException {
        long section = -1;
        LongList interfaces = new LongList();
        try {
            for (int i = 0; i < SECTION_GUESS_BLOCKS && cursor.next() && !cursor.isPacket(); i++) {
                if (cursor.blockType() == CaptureCursor.SECTION_HEADER) {
                    section = cursor.offset();
                    interfaces.clear();
                } else if (cursor.blockType() == CaptureCursor.INTERFACE_DESCRIPTION) {
                    interfaces.add(cursor.offset());
                }
            }
        } catch (MalformedCaptureException e) {
            // the guess is what was read before the damage
        }
        return Context.of(section, interfaces.toArray());
    }

    /**
     * Walks the chain from {@code position} to the first record at or after {@code end}; when {@code meet} is
     * given, stops at the first position it holds (where this chain meets that walk's).
     */
    private static Walk walk(CaptureCursor cursor, long position, Context context, long start, long end, long[] meet)
            throws IOException {
        LongList positions = new LongList();
        LongList blocks = new LongList();
        long[] firstBlock = {-1};
        LongList malformed = new LongList();
        boolean[] moreMalformed = {false};
        long window = start + MEET_WINDOW;
        SplitReader.Observer observer = new SplitReader.Observer() {
            @Override
            public void record(long at, int blockType) {
                if (blockType == CaptureCursor.SECTION_HEADER || blockType == CaptureCursor.INTERFACE_DESCRIPTION) {
                    if (firstBlock[0] < 0) {
                        firstBlock[0] = at;
                    }
                    if (blockType == CaptureCursor.SECTION_HEADER) {
                        blocks.clear(); // what came before it no longer matters
                    }
                    blocks.add(at);
                    blocks.add(blockType);
                }
            }

            @Override
            public void malformed(long at) {
                if (malformed.size() < MAX_MALFORMED) {
                    malformed.add(at);
                } else {
                    moreMalformed[0] = true;
                }
            }
        };
        SplitReader reader = SplitReader.walk(cursor, position, context, end, observer);
        long first = cursor.nextOffset();
        while (!reader.done()) {
            long at = cursor.nextOffset();
            if (meet != null && at < end && Arrays.binarySearch(meet, at) >= 0) {
                return new Walk(first, context, positions.toArray(), blocks.toArray(), firstBlock[0],
                        malformed.toArray(), moreMalformed[0], -at - 2);
            }
            if (at < window && at < end && positions.size() < MAX_POSITIONS) {
                positions.add(at);
            }
            reader.advance();
        }
        return new Walk(first, context, positions.toArray(), blocks.toArray(), firstBlock[0], malformed.toArray(),
                moreMalformed[0], reader.nextPosition());
    }

    /**
     * Puts the walks together along the chain from the start of the file, repairing the ones that guessed wrong
     * by walking here.
     */
    public static List<Split> stitch(SplitReader.Opener opener, List<Probe> probes, List<Walk> walks)
            throws IOException {
        List<Split> splits = new ArrayList<>();
        if (walks.get(0).position < 0) { // not a readable capture: each split reads it as the whole file would
            for (Probe p : probes) {
                splits.add(new Split(p.start(), p.end(), 0, Context.NONE, -1, Long.MAX_VALUE));
            }
            return splits;
        }
        Section section = new Section();
        long firstMalformed = Long.MAX_VALUE;
        long at = walks.get(0).position; // split 0's walk starts where the file's first record is
        boolean resync = false; // whether the chain resynchronised past the previous split: its start is a guess's
        for (int k = 0; k < probes.size(); k++) {
            Probe probe = probes.get(k);
            Walk walk = walks.get(k);
            Context context = section.context();
            if (resync) {
                at = walk.position >= 0 && walk.context.equals(context) ? walk.position
                        : find(opener, context, probe.start(), probe.end());
                if (at < 0) { // no record start in this split either: the next one resynchronises
                    splits.add(new Split(probe.start(), probe.end(), probe.end(), context, -1, Long.MAX_VALUE));
                    continue;
                }
                resync = false;
            }
            if (at >= probe.end()) { // a record that started earlier covers the whole split
                splits.add(new Split(probe.start(), probe.end(), at, context, at, Long.MAX_VALUE));
                continue;
            }
            Walk truth = walk.position == at && walk.context.equals(context) ? walk
                    : repair(opener, at, context, probe, walk);
            if (truth.malformed.length > 0) {
                firstMalformed = Math.min(firstMalformed, truth.malformed[0]);
            }
            section.advance(truth.blocks);
            splits.add(new Split(probe.start(), probe.end(), at, context, truth.next, Long.MAX_VALUE));
            if (truth.next < 0) {
                resync = true;
            } else {
                at = truth.next;
            }
        }
        List<Split> planned = new ArrayList<>(splits.size());
        for (Split s : splits) {
            planned.add(new Split(s.start(), s.end(), s.position(), s.context(), s.next(), firstMalformed));
        }
        return planned;
    }

    /**
     * The walk a split would have made from its true start. The walk that guessed is the truth from where the two
     * chains meet, if they meet soon and neither read a section or interface block before they met (the two
     * would then know different interfaces from there on); else the whole split is walked here.
     */
    private static Walk repair(SplitReader.Opener opener, long at, Context context, Probe probe, Walk guessed)
            throws IOException {
        long[] meet = guessed.position >= 0 && guessed.context.equals(context) ? sorted(guessed.positions) : null;
        Walk here;
        try (CaptureCursor cursor = opener.open()) {
            here = walk(cursor, at, context, probe.start(), probe.end(), meet);
        }
        if (here.next >= -1) {
            return here; // walked the whole split
        }
        long met = -here.next - 2;
        long laterMalformed = guessed.firstMalformed(met);
        if (here.blocks.length > 0 || hasBlocksBefore(guessed, met)
                || (here.malformed.length == 0 && laterMalformed == -2)) {
            try (CaptureCursor cursor = opener.open()) {
                return walk(cursor, at, context, probe.start(), probe.end(), null);
            }
        }
        // Neither walk read a section or interface block before they met: the guessed walk's are the chain's.
        long[] malformed = here.malformed.length > 0 ? here.malformed
                : laterMalformed >= 0 ? new long[] {laterMalformed} : new long[0];
        return new Walk(at, context, here.positions, guessed.blocks, guessed.firstBlock, malformed, false,
                guessed.next);
    }

    /** Whether a walk read section or interface blocks before {@code position} (its state may differ there). */
    private static boolean hasBlocksBefore(Walk walk, long position) {
        return walk.firstBlock >= 0 && walk.firstBlock < position;
    }

    private static long[] sorted(long[] positions) {
        long[] copy = positions.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The resynchronisation boundary in a range, found here, in the given section. */
    private static long find(SplitReader.Opener opener, Context context, long from, long limit) throws IOException {
        try (CaptureCursor cursor = opener.open()) {
            context.load(cursor);
            return new Resync(cursor).find(from, limit);
        }
    }

    /** The section the chain is in, as the walks' section and interface blocks advance it. */
    private static final class Section {
        private long header = -1;
        private final LongList interfaces = new LongList();

        void advance(long[] blocks) {
            for (int i = 0; i < blocks.length; i += 2) {
                if (blocks[i + 1] == CaptureCursor.SECTION_HEADER) {
                    header = blocks[i];
                    interfaces.clear();
                } else {
                    interfaces.add(blocks[i]);
                }
            }
        }

        Context context() {
            return Context.of(header, interfaces.toArray());
        }
    }

    /** A growable list of longs. */
    static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
