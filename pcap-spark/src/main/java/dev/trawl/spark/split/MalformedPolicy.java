package dev.trawl.spark.split;

import java.util.Locale;

/** What a split reader does on a malformed record. */
public enum MalformedPolicy {
    /** Fail the task with the file, offset and reason. */
    FAIL,
    /** Count the record, resynchronise on the next valid record, and go on. */
    SKIP,
    /** Stop reading this file quietly (the records before stay). */
    STOP;

    /** Parses the option value: {@code fail}, {@code skip} or {@code stop}. */
    public static MalformedPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option 'malformed' must be fail, skip or stop, not '" + value + "'");
        }
    }
}
