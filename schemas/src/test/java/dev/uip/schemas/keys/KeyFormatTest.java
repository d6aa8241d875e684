package dev.uip.schemas.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFormatTest {

    @Test
    void formatsDoNotAcceptEachOthersKeys() {
        String management = KeyFormat.MANAGEMENT.generate();
        String write = KeyFormat.WRITE.generate();
        assertTrue(management.startsWith("uipm_"), management);
        assertTrue(KeyFormat.MANAGEMENT.isWellFormed(management));
        assertFalse(KeyFormat.WRITE.isWellFormed(management));
        assertFalse(KeyFormat.MANAGEMENT.isWellFormed(write));
        // Same body, other prefix: the checksum covers the prefix too.
        assertFalse(KeyFormat.MANAGEMENT.isWellFormed("uipm_" + write.substring(5)));
        assertEquals(KeyFormat.WRITE.length(), KeyFormat.MANAGEMENT.length());
        assertEquals("uipm_" + management.substring(5, 9) + "...", KeyFormat.MANAGEMENT.displayPrefix(management));
    }
}
