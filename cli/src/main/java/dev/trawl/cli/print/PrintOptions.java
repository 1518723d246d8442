package dev.trawl.cli.print;

/**
 * How {@link PacketPrinter} prints, as tcpdump's flags set it. Immutable.
 *
 * @param timestamps the timestamp style ({@code -t} to {@code -ttttt})
 * @param verbose the {@code -v} count
 * @param linkHeader {@code -e}: print the link-level header
 * @param numeric the {@code -n} count: with one or more, ports are not turned into service names
 * @param quiet {@code -q}: print less protocol detail
 * @param hex the {@code -x}/{@code -X} count: 1 dumps the packet after the link header, 2 the whole packet
 * @param ascii {@code -X}/{@code -XX}: add an ASCII column to the hex dump
 * @param absoluteSeq {@code -S}: print absolute TCP sequence numbers
 */
public record PrintOptions(TimestampStyle timestamps, int verbose, boolean linkHeader, int numeric, boolean quiet,
        int hex, boolean ascii, boolean absoluteSeq) {
    /** tcpdump's defaults with {@code -n}. */
    public static PrintOptions defaults() {
        return new PrintOptions(TimestampStyle.TIME, 0, false, 1, false, 0, false, false);
    }

    /** The timestamp styles of {@code -t} ... {@code -ttttt}. */
    public enum TimestampStyle {
        /** Default: local time of day, {@code 12:34:56.789012}. */
        TIME,
        /** {@code -t}: no timestamp. */
        NONE,
        /** {@code -tt}: seconds since the epoch. */
        EPOCH,
        /** {@code -ttt}: time since the previous packet. */
        DELTA_PREVIOUS,
        /** {@code -tttt}: local date and time. */
        DATE_TIME,
        /** {@code -ttttt}: time since the first packet. */
        DELTA_FIRST;

        /** The style for a count of {@code -t} flags (0 to 5). */
        public static TimestampStyle ofCount(int count) {
            return switch (count) {
                case 0 -> TIME;
                case 1 -> NONE;
                case 2 -> EPOCH;
                case 3 -> DELTA_PREVIOUS;
                case 4 -> DATE_TIME;
                default -> DELTA_FIRST;
            };
        }
    }
}
