package io.crossview.eval.composite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.crossview.eval.mot.MotFile;
import io.crossview.eval.mot.MotRow;
import io.crossview.eval.mot.NoLinkingFloor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole composite from a video the test draws (four walkers in lanes of their own, see
 * {@link DrawnWalkers}) with a person finder that differences against the known empty plaza.
 */
class CompositeWriterTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CAMERAS = List.of("cam1", "cam2", "cam3");

    @TempDir
    static Path dir;
    static Path source;
    static CompositeWriter.Summary seed1;

    @BeforeAll
    static void writeTheCompositeOfTheDrawnWalkers() throws IOException {
        source = DrawnWalkers.write(dir.resolve("walkers.mp4"));
        seed1 = write(1, "seed1");
    }

    private static CompositeWriter.Summary write(long seed, String name) throws IOException {
        PersonCutter.Result cut = PersonCutter.cut(SourceVideo.open(source),
                new BackgroundDifference(DrawnWalkers.background()), 3, 10, PersonCutter.Rules.DEFAULT, line -> { });
        CompositeSpec spec = new CompositeSpec(seed, 3, 10, DrawnWalkers.FPS, 320, 240);
        return CompositeWriter.write(spec, cut, dir.resolve(name), line -> { });
    }

    /** Ground-truth rows by camera, then by person. */
    private static Map<String, Map<Long, List<MotRow>>> groundTruth(Path out) throws IOException {
        Map<String, Map<Long, List<MotRow>>> byCamera = new TreeMap<>();
        for (String camera : CAMERAS) {
            Map<Long, List<MotRow>> byPerson = new TreeMap<>();
            for (MotRow r : MotFile.readGroundTruth(out.resolve(camera).resolve("gt").resolve("gt.txt"))) {
                byPerson.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
            }
            byCamera.put(camera, byPerson);
        }
        return byCamera;
    }

    @Test
    void eachDrawnWalkerBecomesOnePersonWhoseSourceTrackStaysInTheirOwnLane() throws IOException {
        assertEquals(4, seed1.people());
        JsonNode identities = YAML.readTree(seed1.dir().resolve("composite.yaml").toFile()).get("identities");
        assertEquals(4, identities.size());
        PersonCutter.Result cut = PersonCutter.cut(SourceVideo.open(source),
                new BackgroundDifference(DrawnWalkers.background()), 3, 10, PersonCutter.Rules.DEFAULT, line -> { });
        List<Integer> lanes = new ArrayList<>();
        for (CutPerson p : cut.people()) {
            int lane = -1;
            for (Box b : p.walk().track().boxes().values()) {
                int k = nearestLane(b.y());
                assertTrue(lane < 0 || lane == k, "person " + p.id() + " changes lane at " + b);
                lane = k;
            }
            lanes.add(lane);
        }
        assertEquals(List.of(0, 1, 2, 3), lanes.stream().sorted().toList(), "one person per walker");
    }

    private static int nearestLane(int top) {
        int best = 0;
        for (int k = 1; k < DrawnWalkers.LANE_TOP.length; k++) {
            if (Math.abs(DrawnWalkers.LANE_TOP[k] - top) < Math.abs(DrawnWalkers.LANE_TOP[best] - top)) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void everyPersonVisitsTheCamerasInOrderWithATransitInsideTheTopologysWindow() throws IOException {
        Map<String, Map<Long, List<MotRow>>> gt = groundTruth(seed1.dir());
        JsonNode connections = YAML.readTree(seed1.dir().resolve("topology.yaml").toFile()).get("connections");
        assertEquals(2, connections.size());
        for (long person = 1; person <= 4; person++) {
            for (int c = 0; c + 1 < CAMERAS.size(); c++) {
                List<MotRow> here = gt.get(CAMERAS.get(c)).get(person);
                List<MotRow> next = gt.get(CAMERAS.get(c + 1)).get(person);
                assertTrue(here != null && next != null,
                        "person " + person + " on " + CAMERAS.get(c) + " and the next");
                int leaves = here.stream().mapToInt(MotRow::frame).max().orElseThrow();
                int arrives = next.stream().mapToInt(MotRow::frame).min().orElseThrow();
                double transit = (arrives - leaves) / DrawnWalkers.FPS;
                JsonNode window = connections.get(c);
                assertEquals(List.of(CAMERAS.get(c), CAMERAS.get(c + 1)),
                        List.of(window.get("cameras").get(0).asText(), window.get("cameras").get(1).asText()));
                assertTrue(transit >= window.get("min_seconds").asDouble()
                                && transit <= window.get("max_seconds").asDouble(),
                        "person " + person + " takes " + transit + " s from " + CAMERAS.get(c));
            }
        }
        for (String camera : CAMERAS) {
            for (List<MotRow> rows : gt.get(camera).values()) {
                for (MotRow r : rows) {
                    assertTrue(r.x() >= 0 && r.y() >= 0 && r.x() + r.w() <= 320 && r.y() + r.h() <= 240, r.toString());
                    assertTrue(r.visibility() >= 0 && r.visibility() <= 1, r.toString());
                }
            }
        }
        long rows = 0;
        for (Map<Long, List<MotRow>> camera : gt.values()) {
            rows += camera.values().stream().mapToLong(List::size).sum();
        }
        assertEquals(seed1.boxes(), rows);
    }

    @Test
    void thePartsOfOnePersonsWalkThatTheCamerasShowAreDisjointInSourceFrames() throws IOException {
        JsonNode identities = YAML.readTree(seed1.dir().resolve("composite.yaml").toFile()).get("identities");
        for (JsonNode person : identities) {
            List<int[]> seen = new ArrayList<>();
            for (JsonNode visit : person.get("visits")) {
                String[] range = visit.get("source_frames").asText().split("-");
                int[] stretch = {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
                for (int[] other : seen) {
                    assertTrue(stretch[0] > other[1] || stretch[1] < other[0], person.toString());
                }
                seen.add(stretch);
            }
            assertEquals(3, seen.size());
        }
    }

    @Test
    void theNoLinkingFloorIsWrittenAndCreditsEachPersonWithAboutOneVisitOfThree() throws IOException {
        double floor = NoLinkingFloor.evaluateDirectory(seed1.dir(), NoLinkingFloor.DEFAULT_GAP_SECONDS).idf1();
        assertEquals(floor, seed1.noLinkingFloor(), 1e-12);
        JsonNode written = YAML.readTree(seed1.dir().resolve("composite.yaml").toFile()).get("floor");
        assertEquals(floor, written.get("mtmc_idf1").asDouble(), 1e-4);
        // each person's longest visit holds at least a third of their boxes, and never all of them
        assertTrue(floor >= 1 / 3.0 && floor < 0.7, "floor " + floor);
    }

    @Test
    void theSameSeedGivesByteIdenticalGroundTruthAndTopologyAndAnotherSeedDoesNot() throws IOException {
        Path again = write(1, "seed1-again").dir();
        Path other = write(2, "seed2").dir();
        boolean anyDiffers = false;
        for (String camera : CAMERAS) {
            Path gt = Path.of(camera, "gt", "gt.txt");
            assertArrayEquals(Files.readAllBytes(seed1.dir().resolve(gt)), Files.readAllBytes(again.resolve(gt)),
                    camera);
            anyDiffers |= !Files.readString(seed1.dir().resolve(gt)).equals(Files.readString(other.resolve(gt)));
        }
        assertArrayEquals(Files.readAllBytes(seed1.dir().resolve("topology.yaml")),
                Files.readAllBytes(again.resolve("topology.yaml")));
        assertTrue(anyDiffers, "seed 2 gives other ground truth");
    }

    @Test
    void thePastedPeopleAreWhereTheGroundTruthSaysAndNowhereElse() throws IOException {
        Map<Long, List<MotRow>> gt = groundTruth(seed1.dir()).get("cam1");
        Map<Integer, List<MotRow>> byFrame = new TreeMap<>();
        gt.values().forEach(rows -> rows.forEach(
                r -> byFrame.computeIfAbsent(r.frame(), k -> new ArrayList<>()).add(r)));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(seed1.dir().resolve("cam1.mp4").toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Picture empty = null;
            int checked = 0;
            Frame f;
            for (int frame = 1; (f = grabber.grabImage()) != null; frame++) {
                Picture picture = SourceVideo.toPicture(converter.convert(f));
                if (frame == 1) {
                    assertFalse(byFrame.containsKey(1), "nobody in the lead-in");
                    empty = picture;
                    continue;
                }
                List<MotRow> boxes = byFrame.getOrDefault(frame, List.of());
                for (MotRow r : boxes) {
                    if (r.visibility() == 1) {
                        assertTrue(meanDifference(picture, empty, r, true, boxes) > 25, "person in " + r);
                    }
                }
                assertTrue(meanDifference(picture, empty, null, false, boxes) < 3, "background at frame " + frame);
                checked++;
            }
            assertEquals(seed1.framesPerCamera() - 1, checked);
        }
    }

    /** Mean channel difference inside {@code box} or, with {@code inside} false, outside every box (grown by 3 px). */
    private static double meanDifference(Picture a, Picture b, MotRow box, boolean inside, List<MotRow> boxes) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int px = x;
                int py = y;
                boolean in = inside ? within(box, x, y, 0) : boxes.stream().anyMatch(r -> within(r, px, py, 3));
                if (in == inside) {
                    for (int c = 0; c < 3; c++) {
                        sum += Math.abs(a.at(x, y, c) - b.at(x, y, c));
                    }
                    n += 3;
                }
            }
        }
        return n == 0 ? 0 : sum / (double) n;
    }

    private static boolean within(MotRow r, int x, int y, int margin) {
        return x >= r.x() - margin && x < r.x() + r.w() + margin && y >= r.y() - margin && y < r.y() + r.h() + margin;
    }
}
