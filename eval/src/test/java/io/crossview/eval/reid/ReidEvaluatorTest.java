package io.crossview.eval.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.embedder.runtime.ReidModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: synthetic people written as a Market folder, measured with the built-in model. */
class ReidEvaluatorTest {
    private static final int PEOPLE = 12;
    private static final int PER_CAMERA = 4;

    private static List<MarketWriter.Crop> crops;
    private static ReidModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        crops = SyntheticPeople.crops(PEOPLE, PER_CAMERA, 11);
        model = ReidModel.builtin();
    }

    @AfterAll
    static void tearDown() {
        SyntheticPeople.close(crops);
        model.close();
    }

    @Test
    void builtinModelFindsDrawnPeopleAcrossCameras() throws IOException {
        new MarketWriter(1, 42).write(dir, crops);
        ReidReport r = new ReidEvaluator(model).evaluate(dir);
        assertEquals(2 * PEOPLE, r.queriesEvaluated());
        assertEquals(0, r.queriesSkipped());
        assertEquals(2 * PEOPLE * (PER_CAMERA - 1), r.gallerySize());
        assertEquals(model.version(), r.modelVersion());
        assertTrue(r.rank1() > 0.8, r.toText());
        assertTrue(r.mAP() > 0.6, r.toText());
    }

    @Test
    void shuffledIdentitiesScoreNearChance() throws IOException {
        // negative control: same pictures, labels that no longer follow appearance
        new MarketWriter(1, 42).write(dir.resolve("real"), crops);
        new MarketWriter(1, 42).write(dir.resolve("shuffled"), SyntheticPeople.shuffledIdentities(crops, 5));
        ReidReport real = new ReidEvaluator(model).evaluate(dir.resolve("real"));
        ReidReport shuffled = new ReidEvaluator(model).evaluate(dir.resolve("shuffled"));
        assertTrue(shuffled.rank1() < 0.4, shuffled.toText());
        assertTrue(shuffled.mAP() < 0.3, shuffled.toText());
        assertTrue(real.rank1() - shuffled.rank1() > 0.5, real.toText() + shuffled.toText());
    }

    @Test
    void batchSizeDoesNotChangeTheResultAndProgressIsReported() throws IOException {
        new MarketWriter(1, 42).write(dir, crops);
        List<int[]> calls = new ArrayList<>();
        ReidReport batched = new ReidEvaluator(model, 5, 20, (done, total) -> calls.add(new int[] {done, total}))
                .evaluate(dir);
        assertEquals(new ReidEvaluator(model).evaluate(dir), batched);
        int total = 2 * PEOPLE * PER_CAMERA;
        // 24 queries in batches of 5 (5, 10, .., 24), then 72 gallery (29, 34, .., 94, 96): a report on
        // the batch that passes each multiple of 20, and at the end
        assertEquals(List.of("20/96", "44/96", "64/96", "84/96", "96/96"),
                calls.stream().map(c -> c[0] + "/" + c[1]).toList());
        assertEquals(total, calls.get(calls.size() - 1)[0]);
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        new MarketWriter(1, 42).write(dir, crops);
        Path broken;
        try (var files = Files.list(dir.resolve("bounding_box_test"))) {
            broken = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(broken, "not a picture");
        IOException e = assertThrows(IOException.class, () -> new ReidEvaluator(model).evaluate(dir));
        assertEquals(broken + ": not a readable image", e.getMessage());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ReidEvaluator(model, 0, 1, (d, t) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ReidEvaluator(model, 1, 0, (d, t) -> { }));
        assertThrows(NullPointerException.class, () -> new ReidEvaluator(null));
    }
}
