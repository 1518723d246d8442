package dev.trawl.decode.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntMapTest {
    @Test
    void getFindsWhatPutStoredAndNothingElse() {
        IntMap map = new IntMap();
        assertEquals(-1, map.get(53), "an empty map");
        map.put(53, 28);
        map.put(0, 7);
        map.put(65535, 9);
        map.put(63, 1);
        map.put(64, 2);
        map.put(0x4000_1234, 5);
        assertEquals(28, map.get(53));
        assertEquals(7, map.get(0));
        assertEquals(9, map.get(65535));
        assertEquals(1, map.get(63));
        assertEquals(2, map.get(64));
        assertEquals(5, map.get(0x4000_1234));
        for (int key : new int[] {1, 52, 54, 62, 65, 65534, 65536, 0x4000_1235, -1}) {
            assertEquals(-1, map.get(key), "key " + key);
        }
        map.put(53, 30);
        assertEquals(30, map.get(53), "a later value replaces an earlier one");
        assertEquals(6, map.size());
    }
}
