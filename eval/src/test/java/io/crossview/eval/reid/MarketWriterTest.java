package io.crossview.eval.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossview.common.image.Jpeg;
import io.crossview.embedder.testing.Pictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketWriterTest {
    @TempDir
    Path dir;
    private List<MarketWriter.Crop> crops;

    @BeforeEach
    void draw() {
        crops = SyntheticPeople.crops(5, 4, 3); // 5 people x 2 cameras x 4 crops
    }

    @AfterEach
    void release() {
        SyntheticPeople.close(crops);
    }

    @Test
    void writesOneQueryPerPersonAndCameraAndTheRestAsGallery() throws IOException {
        MarketWriter.Summary s = new MarketWriter(1, 42).write(dir, crops);
        assertEquals(new MarketWriter.Summary(10, 30, 5), s);
        MarketDataset data = MarketDataset.load(dir);
        assertEquals(10, data.query().size());
        assertEquals(30, data.gallery().size());
        Map<String, Long> queriesPerGroup = data.query().stream()
                .collect(Collectors.groupingBy(i -> i.identity() + "/" + i.camera(), Collectors.counting()));
        assertEquals(10, queriesPerGroup.size());
        assertTrue(queriesPerGroup.values().stream().allMatch(n -> n == 1));
        // files are real pictures of the crops' size
        Mat back = Jpeg.decode(Files.readAllBytes(data.query().get(0).path()));
        assertEquals(crops.get(0).bgr().cols(), back.cols());
        assertEquals(crops.get(0).bgr().rows(), back.rows());
        back.close();
    }

    @Test
    void severalQueriesPerCameraLeaveOneInTheGallery() throws IOException {
        List<MarketWriter.Crop> two = crops.subList(0, 2); // person 1, camera 1, two crops
        List<MarketWriter.Crop> some = new ArrayList<>(two);
        some.addAll(crops.subList(4, 6)); // person 1, camera 2
        MarketWriter.Summary s = new MarketWriter(3, 1).write(dir, some);
        assertEquals(new MarketWriter.Summary(2, 2, 1), s);
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherQueries() throws IOException {
        new MarketWriter(1, 7).write(dir.resolve("a"), crops);
        new MarketWriter(1, 7).write(dir.resolve("b"), crops);
        new MarketWriter(1, 8).write(dir.resolve("c"), crops);
        assertEquals(names(dir.resolve("a/query")), names(dir.resolve("b/query")));
        assertEquals(names(dir.resolve("a/bounding_box_test")), names(dir.resolve("b/bounding_box_test")));
        assertNotEquals(names(dir.resolve("a/query")), names(dir.resolve("c/query")));
    }

    @Test
    void oneCameraPeopleDistractorsAndJunkGoToTheGalleryOnly() throws IOException {
        try (Mat a = Pictures.person(Pictures.RED, Pictures.BLUE, 0, 0, 1, 1, 1);
             Mat b = Pictures.person(Pictures.RED, Pictures.BLUE, 1, 0, 1, 1, 2);
             Mat c = Pictures.uniform(20, 40, 90, 90, 90);
             Mat d = Pictures.uniform(20, 40, 10, 10, 10)) {
            List<MarketWriter.Crop> list = new ArrayList<>(crops.subList(0, 8)); // person 1, two cameras
            list.add(new MarketWriter.Crop(9, 1, 5, a)); // person 9: camera 1 only
            list.add(new MarketWriter.Crop(9, 1, 5, b)); // same frame: box 01
            list.add(new MarketWriter.Crop(0, 2, 6, c));
            list.add(new MarketWriter.Crop(-1, 2, 7, d));
            MarketWriter.Summary s = new MarketWriter(1, 5).write(dir, list);
            assertEquals(new MarketWriter.Summary(2, 10, 1), s);
            List<String> gallery = names(dir.resolve("bounding_box_test"));
            assertTrue(gallery.containsAll(List.of("0009_c1s1_000005_00.jpg", "0009_c1s1_000005_01.jpg",
                    "0000_c2s1_000006_00.jpg", "-1_c2s1_000007_00.jpg")), gallery.toString());
            MarketDataset data = MarketDataset.load(dir);
            assertEquals(9, data.gallery().size()); // the junk image is left out on reading
            assertEquals(1, data.ignored());
        }
    }

    @Test
    void refusesAFolderThatHoldsFiles() throws IOException {
        Files.createDirectories(dir.resolve("query"));
        Files.writeString(dir.resolve("query/old.jpg"), "x");
        IOException e = assertThrows(IOException.class, () -> new MarketWriter(1, 1).write(dir, crops));
        assertTrue(e.getMessage().startsWith(dir.resolve("query") + ":"), e.getMessage());
    }

    @Test
    void rejectsBadCrops() {
        Mat m = crops.get(0).bgr();
        assertThrows(IllegalArgumentException.class, () -> new MarketWriter.Crop(1, 10, 0, m)); // torchreid reads c(\d)
        assertThrows(IllegalArgumentException.class, () -> new MarketWriter.Crop(1, 0, 0, m));
        assertThrows(IllegalArgumentException.class, () -> new MarketWriter.Crop(-2, 1, 0, m));
        assertThrows(IllegalArgumentException.class, () -> new MarketWriter.Crop(1, 1, -1, m));
        try (Mat empty = new Mat()) {
            assertThrows(IllegalArgumentException.class, () -> new MarketWriter.Crop(1, 1, 0, empty));
        }
        assertThrows(IllegalArgumentException.class, () -> new MarketWriter(0, 1));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
