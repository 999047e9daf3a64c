package io.crossview.eval.mot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotFileTest {
    @TempDir
    Path dir;

    private static List<MotRow> parse(String text) throws IOException {
        return MotFile.parse(new BufferedReader(new StringReader(text)), "test.txt");
    }

    @Test
    void readsCommaSeparatedRows() throws IOException {
        List<MotRow> rows = parse("1,3,794.2,47.5,71.2,174.8,1,1,0.8\n");
        assertEquals(new MotRow(1, 3, 794.2, 47.5, 71.2, 174.8, 1, 1, 0.8), rows.get(0));
    }

    @Test
    void toleratesWhitespaceTabsSpacesAfterCommasAndBlankLines() throws IOException {
        String text = "\uFEFF1 2 10 20 30 40 1 -1 -1 -1\n\n  2\t2\t11\t20\t30\t40\t0.5\n3, 2, 12, 20, 30, 40, -1, -1, -1, -1\n";
        List<MotRow> rows = parse(text);
        assertEquals(3, rows.size());
        assertEquals(2, rows.get(1).frame());
        assertEquals(0.5, rows.get(1).conf());
        assertEquals(12, rows.get(2).x());
    }

    @Test
    void missingOptionalColumnsDefaultSoNothingIsDropped() throws IOException {
        MotRow r = parse("5,1,0,0,10,10\n").get(0);
        assertEquals(1.0, r.conf());
        assertEquals(-1, r.cls());
        assertEquals(-1.0, r.visibility());
    }

    @Test
    void ignoresColumnsAfterTheNinth() throws IOException {
        // MOT15 files carry world coordinates x, y, z in columns 8-10 (and then "class" is x).
        assertEquals(1, parse("1,1,0,0,10,10,1,-1,-1,-1,7,7\n").size());
    }

    @Test
    void wholeNumbersMayBeWrittenAsDecimals() throws IOException {
        MotRow r = parse("7.0,12.000,0,0,10,10\n").get(0);
        assertEquals(7, r.frame());
        assertEquals(12, r.id());
    }

    @Test
    void malformedRowsNameFileAndLine() {
        MotFormatException tooShort = assertThrows(MotFormatException.class, () -> parse("1,1,0,0,10,10\n1,2,3\n"));
        assertTrue(tooShort.getMessage().startsWith("test.txt:2: "), tooShort.getMessage());
        MotFormatException notNumber = assertThrows(MotFormatException.class, () -> parse("\n1,1,0,zero,10,10\n"));
        assertTrue(notNumber.getMessage().contains("test.txt:2: y is not a number"), notNumber.getMessage());
        MotFormatException fractional = assertThrows(MotFormatException.class, () -> parse("1.5,1,0,0,10,10\n"));
        assertTrue(fractional.getMessage().contains("frame is not a whole number"), fractional.getMessage());
        MotFormatException nan = assertThrows(MotFormatException.class, () -> parse("1,1,NaN,0,10,10\n"));
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
        MotFormatException empty = assertThrows(MotFormatException.class, () -> parse("1,,0,0,10,10\n"));
        assertTrue(empty.getMessage().contains("id is not a number"), empty.getMessage());
    }

    @Test
    void groundTruthKeepsConsiderFlagOneOnly() throws IOException {
        // py-motmetrics' eval_motchallenge: loadtxt(gt, min_confidence=1).
        Path gt = dir.resolve("gt.txt");
        Files.writeString(gt, "1,1,0,0,10,10,1,1,1\n1,2,0,0,10,10,0,1,1\n1,3,0,0,10,10,1,7,0.2\n");
        List<MotRow> rows = MotFile.readGroundTruth(gt);
        assertEquals(List.of(1L, 3L), rows.stream().map(MotRow::id).toList());
    }

    @Test
    void predictionsDropOnlyScoresBelowMinusOne() throws IOException {
        // py-motmetrics' loadtxt default min_confidence=-1.
        Path pred = dir.resolve("pred.txt");
        Files.writeString(pred, "1,1,0,0,10,10,-1\n1,2,0,0,10,10,0.01\n1,3,0,0,10,10,-2\n");
        assertEquals(List.of(1L, 2L), MotFile.readPredictions(pred).stream().map(MotRow::id).toList());
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        List<MotRow> rows = List.of(new MotRow(1, 4, 10.5, 20, 30, 40.25, 0.9, -1, -1), MotRow.of(2, 4, 11, 20, 30, 40));
        Path file = dir.resolve("out.txt");
        MotFile.write(file, rows);
        assertEquals(rows, MotFile.read(file));
        assertEquals("2,4,11,20,30,40,1,-1,-1,-1", Files.readAllLines(file).get(1));
    }
}
