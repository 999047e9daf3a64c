package io.crossview.eval.mot;

import static io.crossview.eval.mot.Rows.at;
import static io.crossview.eval.mot.Rows.concat;
import static io.crossview.eval.mot.Rows.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoLinkingFloorTest {
    // Person 1 (at x 0): camera A frames 1-10 (10 boxes); camera B frames 21-25 and, after 14
    // frames away, 40-45 (5 + 6); camera C frames 50-52 and 55-56, a 2-frame dip (5). 26 boxes.
    // Person 2 (at x 100): camera A frames 1-4 (4); camera B frames 30-37 (8). 12 boxes.
    private static final Map<String, List<MotRow>> GT = Map.of(
            "A", concat(track(1, 0, 1, 10), track(2, 100, 1, 4)),
            "B", concat(track(1, 0, 21, 25), track(1, 0, 40, 45), track(2, 100, 30, 37)),
            "C", at(1, 0, 50, 51, 52, 55, 56));

    @TempDir
    Path dir;

    @Test
    void eachStayOnACameraIsATrackOfItsOwnAndALongAbsenceStartsAnother() {
        Map<String, List<MotRow>> tracks = NoLinkingFloor.tracks(GT, 10);
        assertEquals(Set.of(1L, 2L), ids(tracks.get("A")));
        assertEquals(Set.of(3L, 4L, 5L), ids(tracks.get("B")), "person 1's two stays on B and person 2's");
        assertEquals(Set.of(6L), ids(tracks.get("C")), "a 2-frame dip is no absence");
        assertEquals(38, tracks.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void theFloorCreditsEachPersonWithTheirLongestStayOnly() {
        // person 1 keeps A's 10 boxes, person 2 B's 8: IDTP 18 of 38 either side, IDF1 = 18 / 38
        IdScores floor = NoLinkingFloor.evaluate(GT, 10);
        assertEquals(new IdScores(18, 20, 20), floor);
        assertEquals(18.0 / 38, floor.idf1(), 1e-12);
    }

    @Test
    void aFolderIsReadWithEachCamerasFrameRateTurningTheGapSecondsIntoFrames() throws IOException {
        write("10");
        assertEquals(new IdScores(18, 20, 20), NoLinkingFloor.evaluateDirectory(dir, 1));
        // at 25 fps the 14 frames person 1 is away from B are under a second: B's 11 boxes become one stay
        write("25");
        assertEquals(new IdScores(19, 19, 19), NoLinkingFloor.evaluateDirectory(dir, 1));
    }

    @Test
    void aCameraWithoutAFrameRateIsAnError() throws IOException {
        write("10");
        Files.writeString(dir.resolve("B").resolve("seqinfo.ini"), "[Sequence]\nname=B\n");
        assertThrows(IOException.class, () -> NoLinkingFloor.evaluateDirectory(dir, 1));
    }

    private void write(String fps) throws IOException {
        for (Map.Entry<String, List<MotRow>> camera : GT.entrySet()) {
            Path gt = dir.resolve(camera.getKey()).resolve("gt");
            Files.createDirectories(gt);
            MotFile.write(gt.resolve("gt.txt"), camera.getValue());
            Files.writeString(dir.resolve(camera.getKey()).resolve("seqinfo.ini"),
                    "[Sequence]\nname=" + camera.getKey() + "\nframeRate=" + fps + "\nseqLength=60\n");
        }
    }

    private static Set<Long> ids(List<MotRow> rows) {
        Set<Long> ids = new TreeSet<>();
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
