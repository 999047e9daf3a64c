package io.crossview.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthFileTest {
    @TempDir
    Path dir;

    @Test
    void aHealthyStageKeepsItsFileFreshAndAnUnhealthyOneLetsItGoStale() throws Exception {
        Path file = dir.resolve("healthy");
        HealthFile.touchIf(file, () -> false);
        assertFalse(Files.exists(file), "nothing written while unhealthy");
        HealthFile.touchIf(file, () -> true);
        assertTrue(Files.exists(file));
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(file, old);
        HealthFile.touchIf(file, () -> false);
        assertTrue(Files.getLastModifiedTime(file).equals(old), "left stale");
        HealthFile.touchIf(file, () -> true);
        assertTrue(Files.getLastModifiedTime(file).toMillis() > System.currentTimeMillis() - 60_000, "touched again");
    }
}
