package io.crossview.eval.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketDatasetTest {
    @TempDir
    Path dir;

    @Test
    void loadsQueryAndGalleryLabelledByFileName() throws IOException {
        touch("query", "0002_c1s1_000100_00.jpg", "0001_c2s1_000050_00.jpg");
        touch("bounding_box_test", "0001_c1s1_000010_00.jpg", "0002_c2s1_000020_01.jpg");
        MarketDataset data = MarketDataset.load(dir);
        // sorted by name, whatever order the folder lists them in
        assertEquals(List.of(new MarketImage(dir.resolve("query/0001_c2s1_000050_00.jpg"), 1, 2),
                new MarketImage(dir.resolve("query/0002_c1s1_000100_00.jpg"), 2, 1)), data.query());
        assertEquals(List.of(new MarketImage(dir.resolve("bounding_box_test/0001_c1s1_000010_00.jpg"), 1, 1),
                new MarketImage(dir.resolve("bounding_box_test/0002_c2s1_000020_01.jpg"), 2, 2)), data.gallery());
        assertEquals(0, data.ignored());
        assertEquals(4, data.size());
    }

    @Test
    void junkIsLeftOutAndDistractorsStayInTheGallery() throws IOException {
        touch("query", "0001_c1s1_000100_00.jpg", "-1_c1s1_000100_01.jpg", "0000_c2s1_000100_02.jpg");
        touch("bounding_box_test", "0001_c2s1_000010_00.jpg", "-1_c1s1_000011_00.jpg", "0000_c3s1_000012_00.jpg");
        MarketDataset data = MarketDataset.load(dir);
        assertEquals(List.of(1), data.query().stream().map(MarketImage::identity).toList());
        assertEquals(List.of(0, 1), data.gallery().stream().map(MarketImage::identity).toList());
        assertEquals(3, data.ignored()); // two junk images, one distractor query
    }

    @Test
    void passesOverFilesThatAreNotImages() throws IOException {
        touch("query", "0001_c1s1_000100_00.jpg", "Thumbs.db", ".DS_Store", "readme.txt");
        touch("bounding_box_test", "0001_c2s1_000010_00.jpg", "Thumbs.db");
        Files.createDirectories(dir.resolve("bounding_box_test/sub"));
        MarketDataset data = MarketDataset.load(dir);
        assertEquals(1, data.query().size());
        assertEquals(1, data.gallery().size());
    }

    @Test
    void missingFoldersAreNamed() throws IOException {
        NoSuchFileException noDir = assertThrows(NoSuchFileException.class, () -> MarketDataset.load(dir.resolve("nope")));
        assertTrue(noDir.getMessage().contains(dir.resolve("nope").toString()), noDir.getMessage());

        touch("bounding_box_test", "0001_c2s1_000010_00.jpg");
        NoSuchFileException noQuery = assertThrows(NoSuchFileException.class, () -> MarketDataset.load(dir));
        assertTrue(noQuery.getMessage().startsWith(dir.resolve("query") + ":"), noQuery.getMessage());
        assertFalse(noQuery.getMessage().contains("\n"), noQuery.getMessage());

        Files.delete(dir.resolve("bounding_box_test/0001_c2s1_000010_00.jpg"));
        Files.delete(dir.resolve("bounding_box_test"));
        touch("query", "0001_c1s1_000100_00.jpg");
        NoSuchFileException noGallery = assertThrows(NoSuchFileException.class, () -> MarketDataset.load(dir));
        assertTrue(noGallery.getMessage().startsWith(dir.resolve("bounding_box_test") + ":"), noGallery.getMessage());
    }

    @Test
    void emptyQueryOrGalleryIsAnError() throws IOException {
        touch("query", "Thumbs.db", "-1_c1s1_000100_01.jpg");
        touch("bounding_box_test", "0001_c2s1_000010_00.jpg");
        IOException noQuery = assertThrows(IOException.class, () -> MarketDataset.load(dir));
        assertTrue(noQuery.getMessage().startsWith(dir.resolve("query") + ":"), noQuery.getMessage());
        assertTrue(noQuery.getMessage().contains("no query images"), noQuery.getMessage());

        touch("query", "0001_c1s1_000100_00.jpg");
        Files.delete(dir.resolve("bounding_box_test/0001_c2s1_000010_00.jpg"));
        touch("bounding_box_test", "-1_c2s1_000010_00.jpg");
        IOException noGallery = assertThrows(IOException.class, () -> MarketDataset.load(dir));
        assertTrue(noGallery.getMessage().contains("no gallery images"), noGallery.getMessage());
    }

    @Test
    void badImageNameIsAnErrorNamingTheFile() throws IOException {
        touch("query", "0001_c1s1_000100_00.jpg");
        touch("bounding_box_test", "0001_c2s1_000010_00.jpg", "person_7.jpg");
        IOException e = assertThrows(IOException.class, () -> MarketDataset.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("bounding_box_test/person_7.jpg") + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(MarketName.EXAMPLE), e.getMessage());
    }

    private void touch(String folder, String... names) throws IOException {
        Path f = Files.createDirectories(dir.resolve(folder));
        for (String name : names) {
            Files.write(f.resolve(name), new byte[0]);
        }
    }
}
