package dev.uip.schemas.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WriteKeyFormatTest {

    @Test
    void generatedKeysAreWellFormedAndDistinct() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = WriteKeyFormat.generate();
            assertTrue(WriteKeyFormat.isWellFormed(key), key);
            assertEquals(WriteKeyFormat.LENGTH, key.length());
            keys.add(key);
        }
        assertEquals(1000, keys.size());
    }

    @Test
    void everySingleCharacterTypoIsCaught() {
        String key = WriteKeyFormat.generate();
        Random random = new Random(42);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = WriteKeyFormat.PREFIX.length(); i < key.length(); i++) {
            char replacement;
            do {
                replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            } while (replacement == key.charAt(i));
            String typo = key.substring(0, i) + replacement + key.substring(i + 1);
            assertFalse(WriteKeyFormat.isWellFormed(typo), typo);
        }
    }

    @Test
    void rejectsWrongShapes() {
        String key = WriteKeyFormat.generate();
        assertFalse(WriteKeyFormat.isWellFormed(null));
        assertFalse(WriteKeyFormat.isWellFormed(""));
        assertFalse(WriteKeyFormat.isWellFormed(key.substring(1)));
        assertFalse(WriteKeyFormat.isWellFormed("xxxx_" + key.substring(5)));
        assertFalse(WriteKeyFormat.isWellFormed(key.substring(0, 10) + "-" + key.substring(11)));
    }

    @Test
    void hashIsHexSha256AndPrefixHidesTheSecret() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", WriteKeyFormat.hash(""));
        String key = WriteKeyFormat.generate();
        assertEquals(64, WriteKeyFormat.hash(key).length());
        assertNotEquals(WriteKeyFormat.hash(key), WriteKeyFormat.hash(WriteKeyFormat.generate()));
        assertEquals(WriteKeyFormat.PREFIX.length() + 7, WriteKeyFormat.displayPrefix(key).length());
    }
}
