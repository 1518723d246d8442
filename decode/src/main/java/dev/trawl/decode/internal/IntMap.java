package dev.trawl.decode.internal;

import java.util.Arrays;

/**
 * A map from non-negative int keys to int values, with -1 for "absent". Built once while protocols register,
 * then read without allocation or boxing on the decode path. Keys below 65536 (EtherTypes, ports, protocol
 * numbers: nearly every lookup) are held in a direct-indexed table, so a lookup is one array load; larger
 * keys go to a small open-addressing table. Not thread-safe while being written; safe to read from many
 * threads once published.
 */
public final class IntMap {
    private static final int DENSE = 65536;
    /** Values + 1 for keys below {@link #DENSE} (0 means absent); allocated on the first such key. */
    private char[] dense;
    /**
     * One bit per key below {@link #DENSE}, set when {@link #dense} holds a value for it: 8 KB where the
     * table takes 128, so that a miss (a port nothing is bound to, the common case) reads a line that stays
     * in cache instead of a line of the sparse table.
     */
    private long[] present;
    private int[] keys = new int[16];
    private int[] values = new int[16];
    private int size;
    private int denseSize;

    /** Creates an empty map. */
    public IntMap() {
        Arrays.fill(keys, -1);
    }

    /** Maps {@code key} (non-negative) to {@code value}, replacing any earlier value. */
    public void put(int key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        if (key < DENSE && value >= 0 && value < Character.MAX_VALUE) {
            if (dense == null) {
                dense = new char[DENSE];
                present = new long[DENSE / 64];
            }
            if (dense[key] == 0) {
                denseSize++;
            }
            dense[key] = (char) (value + 1);
            present[key >>> 6] |= 1L << key;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != -1 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == -1) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** The value for {@code key}, or -1. */
    public int get(int key) {
        if (key < 0) {
            return -1; // never stored; and -1 marks an empty slot of the open-addressing table
        }
        if (key < DENSE) {
            long[] p = present;
            if (p == null || (p[key >>> 6] & 1L << key) == 0) {
                return -1;
            }
            return dense[key] - 1;
        }
        int[] k = keys;
        int mask = k.length - 1;
        int i = mix(key) & mask;
        while (true) {
            int found = k[i];
            if (found == key) {
                return values[i];
            }
            if (found == -1) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** The number of keys. */
    public int size() {
        return size + denseSize;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
