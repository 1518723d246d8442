package dev.trawl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolsTest {
    @Test
    void everyBuiltinIdNamesItsOwnProtocol() throws IllegalAccessException {
        ProtocolRegistry registry = ProtocolRegistry.standard();
        Set<Integer> seen = new HashSet<>();
        for (Field f : Protocols.class.getFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())
                    || f.getName().equals("NONE") || f.getName().equals("BUILTIN_COUNT")) {
                continue;
            }
            int id = f.getInt(null);
            assertEquals(true, seen.add(id), "duplicate id " + id + " for " + f.getName());
            String expected = f.getName().toLowerCase().replace('_', '-');
            String name = registry.name(id).replace('_', '-').replace('.', '-');
            assertEquals(expected, name, "constant " + f.getName());
            assertEquals(id, registry.id(Protocols.builtinName(id)));
        }
        assertEquals(Protocols.BUILTIN_COUNT, seen.size());
    }
}
