package io.crossview.deploy.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.sample.SampleVideo;
import io.crossview.eval.composite.Box;
import io.crossview.eval.composite.CompositeSpec;
import io.crossview.eval.composite.CompositeWriter;
import io.crossview.eval.composite.KnownRepeats;
import io.crossview.eval.composite.PersonBoxes;
import io.crossview.eval.composite.PersonCutter;
import io.crossview.eval.composite.SourceVideo;
import io.crossview.eval.mot.MotFile;
import io.crossview.eval.mot.MotRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite benchmark as {@code crossview synth --composite} makes it: real people of
 * vtest.avi found by the built-in NanoDet. NanoDet over the 795 frames is most of the time, so
 * the second run, for determinism, replays the boxes it found (after checking on a stretch of
 * frames that NanoDet itself finds the same boxes again) and redoes everything else.
 */
@Tag("integration")
class CompositeVtestIT {
    private static final List<String> CAMERAS = List.of("cam1", "cam2", "cam3");
    private static final int RECHECKED_FRAMES = 40;

    @TempDir
    Path dir;

    @Test
    void vtestGivesAtLeastEightPeopleOnThreeCamerasAndTheSameGroundTruthTwice() throws Exception {
        Path cache = SampleVideo.defaultCacheDir();
        Assumptions.assumeTrue(Files.isRegularFile(cache.resolve("vtest.avi"))
                && Files.isRegularFile(cache.resolve("models").resolve("nanodet.onnx")),
                "skipped: vtest.avi or the built-in NanoDet is not cached under " + cache);
        SourceVideo source = SourceVideo.open(SampleVideo.vtest());
        CompositeSpec spec = new CompositeSpec(1, 3, Integer.MAX_VALUE, 10, 640, 480);
        Map<Integer, List<Box>> found = new HashMap<>();
        CompositeWriter.Summary first;
        PersonCutter.Result cut;
        try (NanodetPeople nanodet = NanodetPeople.open()) {
            PersonBoxes recording = (index, bgr) -> {
                List<Box> boxes = nanodet.find(index, bgr);
                found.put(index, boxes);
                return boxes;
            };
            cut = PersonCutter.cut(source, recording, 3, spec.maxPeople(),
                    PersonCutter.Rules.DEFAULT, line -> { });
            first = CompositeWriter.write(spec, cut, dir.resolve("first"), line -> { });
            source.forEachFrame((index, bgr) -> {
                if (index < RECHECKED_FRAMES) {
                    assertEquals(found.get(index), nanodet.find(index, bgr), "NanoDet's boxes in frame " + index);
                }
            });
        }
        assertTrue(first.people() >= 8, first.people() + " people");
        // the walks of men who came back, seen by eye, are not a second identity
        Set<Integer> walks = new TreeSet<>();
        cut.people().forEach(p -> walks.add(p.walk().track().id()));
        assertEquals(List.of(617, 652), KnownRepeats.of(source.sha256()).stream().map(KnownRepeats.Repeat::walk).toList());
        KnownRepeats.of(source.sha256()).forEach(r -> {
            assertFalse(walks.contains(r.walk()), "walk " + r.walk() + " repeats " + r.sameAs() + ": " + walks);
        });
        assertEquals(CAMERAS, first.cameras());
        for (String camera : CAMERAS) {
            List<MotRow> rows = MotFile.readGroundTruth(first.groundTruth(camera));
            Set<Long> ids = new TreeSet<>();
            rows.forEach(r -> ids.add(r.id()));
            assertEquals(first.people(), ids.size(), "everyone visits " + camera);
            assertTrue(Files.size(dir.resolve("first").resolve(camera + ".mp4")) > 0);
        }

        PersonCutter.Result again = PersonCutter.cut(SourceVideo.open(SampleVideo.vtest()),
                (index, bgr) -> found.get(index), 3, spec.maxPeople(), PersonCutter.Rules.DEFAULT, line -> { });
        CompositeWriter.Summary second = CompositeWriter.write(spec, again, dir.resolve("second"), line -> { });
        for (String camera : CAMERAS) {
            assertArrayEquals(Files.readAllBytes(first.groundTruth(camera)),
                    Files.readAllBytes(second.groundTruth(camera)), camera);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("first").resolve("topology.yaml")),
                Files.readAllBytes(dir.resolve("second").resolve("topology.yaml")));
    }
}
