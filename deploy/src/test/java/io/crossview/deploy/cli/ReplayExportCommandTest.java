package io.crossview.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments of replay and export stop with one line before any Kafka connection. */
class ReplayExportCommandTest {
    // nothing listens here; every case must fail before it would matter
    private static final String NOWHERE = "127.0.0.1:1";

    @TempDir
    Path dir;

    private static List<String> fails(String... args) {
        StringWriter err = new StringWriter();
        int code = CrossviewCli.run(new PrintWriter(err, true), args);
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, code, lines.toString());
        assertEquals(1, lines.size(), lines.toString());
        return lines;
    }

    @Test
    void replayingIntoItsOwnNamespaceIsRefused() {
        String line = fails("replay", "--bootstrap", NOWHERE, "--to-prefix", "").get(0);
        assertTrue(line.startsWith("crossview replay: --to-prefix must differ from --from-prefix"), line);
    }

    @Test
    void anUnknownSpeedNamesTheAcceptedOnes() {
        String line = fails("replay", "--bootstrap", NOWHERE, "--to-prefix", "r1.", "--speed", "fast").get(0);
        assertEquals("crossview replay: unknown speed 'fast': use a factor such as 1x, 4x or 0.5x, or max", line);
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        String line = fails("replay", "--bootstrap", NOWHERE, "--to-prefix", "r1.",
                "--start", "2026-12-01T10:05:00Z", "--end", "2026-12-01T10:00:00Z").get(0);
        assertTrue(line.startsWith("crossview replay: the end 2026-12-01T10:00:00Z must be after the start"), line);
    }

    @Test
    void anUnknownTimeFormatSaysWhichOptionAndTheAcceptedForms() {
        String line = fails("replay", "--bootstrap", NOWHERE, "--to-prefix", "r1.", "--start", "yesterday").get(0);
        assertTrue(line.startsWith("crossview replay: --start: unknown time 'yesterday': use an ISO-8601 instant"), line);
    }

    @Test
    void exportRefusesAToNotAfterFrom() {
        String line = fails("export", "--bootstrap", NOWHERE, "--camera", "left", "--from", "-1h", "--to", "-2h",
                "--out", dir.resolve("a.mp4").toString()).get(0);
        assertTrue(line.startsWith("crossview export: --to ") && line.contains("must be after --from"), line);
    }

    @Test
    void exportRefusesAnUnknownContainerOrCodecOrAnUnwritableFolder() {
        assertTrue(fails("export", "--bootstrap", NOWHERE, "--camera", "left", "--from", "-1h", "--to", "now",
                "--out", dir.resolve("a.gif").toString()).get(0).contains("name it .mp4, .mkv, .avi or .mov"));
        assertTrue(fails("export", "--bootstrap", NOWHERE, "--camera", "left", "--from", "-1h", "--to", "now",
                "--out", dir.resolve("a.mp4").toString(), "--codec", "x265").get(0).contains("unknown codec 'x265'"));
        String line = fails("export", "--bootstrap", NOWHERE, "--camera", "left", "--from", "-1h", "--to", "now",
                "--out", dir.resolve("missing/a.mp4").toString()).get(0);
        assertTrue(line.startsWith("crossview export: cannot write ") && line.contains("not a writable folder"), line);
    }
}
