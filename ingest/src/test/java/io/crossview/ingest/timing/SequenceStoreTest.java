package io.crossview.ingest.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceStoreTest {
    @TempDir
    Path dir;

    @Test
    void numbersGoOnAfterARestartWithoutRepeating() throws IOException {
        SequenceStore store = new SequenceStore(dir);
        Set<Long> seen = new HashSet<>();
        long last;
        try (SequenceStore.CameraSequence lobby = store.open("lobby")) {
            for (int i = 0; i < 1500; i++) {
                assertTrue(seen.add(lobby.next()));
            }
            last = 1499;
        }
        // a crash loses nothing either: the reservation is on disk before a number is used
        try (SequenceStore.CameraSequence again = new SequenceStore(dir).open("lobby")) {
            long first = again.next();
            assertTrue(first > last, "restart continues above " + last + ", got " + first);
            assertTrue(seen.add(first));
        }
    }

    @Test
    void camerasCountOnTheirOwn() throws IOException {
        SequenceStore store = new SequenceStore(dir);
        try (var a = store.open("a"); var b = store.open("b")) {
            assertEquals(0, a.next());
            assertEquals(1, a.next());
            assertEquals(0, b.next());
        }
    }

    @Test
    void aCameraCannotBeNumberedTwiceAtOnce() throws IOException {
        SequenceStore store = new SequenceStore(dir);
        try (var first = store.open("door")) {
            IOException e = assertThrows(IOException.class, () -> store.open("door"));
            assertTrue(e.getMessage().contains("already being ingested"), e.getMessage());
        }
    }

    @Test
    void aCorruptSequenceFileIsOneClearError() throws IOException {
        Files.writeString(dir.resolve("gate.seq"), "garbage");
        IOException e = assertThrows(IOException.class, () -> new SequenceStore(dir).open("gate"));
        assertTrue(e.getMessage().contains("corrupt sequence file"), e.getMessage());
    }
}
