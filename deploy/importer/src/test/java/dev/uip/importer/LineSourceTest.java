package dev.uip.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSourceTest {

    @TempDir
    Path dir;

    static List<String> read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (LineSource source = LineSource.open(file)) {
            for (LineSource.Line line = source.next(); line != null; line = source.next()) {
                lines.add(line.number() + ":" + (line.tooLong()
                        ? "TOO LONG " + line.length()
                        : new String(line.bytes(), StandardCharsets.UTF_8)));
            }
            assertEquals(Files.size(file), source.bytesRead(), "every byte of the file counted");
        }
        return lines;
    }

    @Test
    void gzipIsToldByItsMagicBytesNotItsNameAndConcatenatedMembersAreRead() throws IOException {
        Path file = dir.resolve("export.json"); // no .gz
        try (OutputStream out = Files.newOutputStream(file)) {
            for (String part : List.of("{\"a\":1}\n{\"a\":2}\n", "{\"a\":3}\n")) {
                GZIPOutputStream member = new GZIPOutputStream(out);
                member.write(part.getBytes(StandardCharsets.UTF_8));
                member.finish();
            }
        }
        try (LineSource source = LineSource.open(file)) {
            assertTrue(source.gzip());
        }
        assertEquals(List.of("1:{\"a\":1}", "2:{\"a\":2}", "3:{\"a\":3}"), read(file));
    }

    @Test
    void plainLinesLoseTheirLineBreaksWhetherLfOrCrlfAndTheLastNeedsNone() throws IOException {
        Path file = Files.writeString(dir.resolve("export.gz"), "a\r\n\nb\nc"); // a .gz name, not gzip
        try (LineSource source = LineSource.open(file)) {
            assertFalse(source.gzip());
        }
        assertEquals(List.of("1:a", "2:", "3:b", "4:c"), read(file));
        assertEquals(List.of(), read(Files.writeString(dir.resolve("empty"), "")));
        assertEquals(List.of("1:x"), read(Files.writeString(dir.resolve("one"), "x")));
    }

    @Test
    void aLineLongerThanTheBoundIsReportedWithoutBeingHeldAndTheNextLinesStillRead() throws IOException {
        String huge = "x".repeat(LineSource.MAX_LINE_BYTES + 70_000);
        Path file = Files.writeString(dir.resolve("long"), "first\n" + huge + "\nlast\n");
        assertEquals(List.of("1:first", "2:TOO LONG " + huge.length(), "3:last"), read(file));
        try (LineSource source = LineSource.open(file)) {
            source.next();
            LineSource.Line line = source.next();
            assertTrue(line.tooLong());
            assertNull(line.bytes());
        }
    }
}
