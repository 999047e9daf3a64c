package io.crossview.eval.reid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarketNameTest {
    @Test
    void readsIdentityCameraSequenceFrameAndBox() {
        MarketName n = MarketName.parse("0001_c1s1_001051_00.jpg");
        assertEquals(new MarketName(1, 1, 1, 1051, 0), n);
        assertFalse(n.isJunk());
        assertFalse(n.isDistractor());
        assertEquals(new MarketName(1501, 6, 4, 123456, 3), MarketName.parse("1501_c6s4_123456_03.jpg"));
    }

    @Test
    void junkAndDistractorsAreIdentitiesMinusOneAndZero() {
        MarketName junk = MarketName.parse("-1_c3s2_000401_02.jpg");
        assertEquals(-1, junk.identity());
        assertEquals(3, junk.camera());
        assertTrue(junk.isJunk());
        MarketName distractor = MarketName.parse("0000_c5s3_094987_01.jpg");
        assertEquals(0, distractor.identity());
        assertTrue(distractor.isDistractor());
    }

    @Test
    void fileNameRoundTripsInMarketSpelling() {
        for (String name : new String[] {"0001_c1s1_001051_00.jpg", "-1_c3s2_000401_02.jpg", "0000_c5s3_094987_01.jpg"}) {
            assertEquals(name, MarketName.parse(name).fileName());
        }
        assertEquals("0042_c2s1_000007_12.jpg", new MarketName(42, 2, 1, 7, 12).fileName());
        // wider numbers than Market's are written whole and read back
        MarketName wide = new MarketName(12345, 12, 1, 1234567, 100);
        assertEquals(wide, MarketName.parse(wide.fileName()));
    }

    @Test
    void acceptsOtherImageExtensionsInAnyCase() {
        assertEquals(7, MarketName.parse("0007_c2s1_000100_00.JPG").identity());
        assertEquals(7, MarketName.parse("0007_c2s1_000100_00.png").identity());
        assertTrue(MarketName.isImageFile("0007_c2s1_000100_00.JPEG"));
        assertFalse(MarketName.isImageFile("Thumbs.db"));
        assertFalse(MarketName.isImageFile("._0001_c1s1_001051_00.jpg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0001.jpg", "0001_c1s1_001051_00", "0001_c1s1_001051_00.txt", "abcd_c1s1_001051_00.jpg",
            "-2_c1s1_001051_00.jpg", "0001_c0s1_001051_00.jpg", "0001_c1_f0046182.jpg", "0001_c1s1_001051.jpg",
            "0001_c1s1_9999999999_00.jpg", " 0001_c1s1_001051_00.jpg"})
    void badNamesSayWhichFileAndWhatIsExpected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarketName.parse(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @Test
    void badNameMessageShowsThePattern() {
        String message = assertThrows(IllegalArgumentException.class, () -> MarketName.parse("person.jpg")).getMessage();
        assertTrue(message.contains(MarketName.EXAMPLE), message);
        assertTrue(message.contains("-1 = junk"), message);
    }

    @Test
    void rejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new MarketName(-2, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MarketName(1, 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MarketName(1, 1, 1, -1, 0));
    }
}
