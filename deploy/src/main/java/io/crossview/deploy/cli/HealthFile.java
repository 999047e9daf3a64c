package io.crossview.deploy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Liveness for stages that serve no HTTP: while the stage is healthy, the file named by
 * {@code CROSSVIEW_HEALTH_FILE} is touched every few seconds, so a container probe can ask
 * "was it touched in the last minute" ({@code find FILE -mmin -1}).
 */
final class HealthFile {
    static final String VARIABLE = "CROSSVIEW_HEALTH_FILE";
    static final long EVERY_SECONDS = 10;

    private HealthFile() {
    }

    /** Starts touching the file of the environment variable, if it is set. */
    static void keepFresh(BooleanSupplier healthy) {
        String file = System.getenv(VARIABLE);
        if (file != null && !file.isBlank()) {
            keepFresh(Path.of(file), healthy);
        }
    }

    static ScheduledExecutorService keepFresh(Path file, BooleanSupplier healthy) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "health-file");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> touchIf(file, healthy), 0, EVERY_SECONDS, TimeUnit.SECONDS);
        return timer;
    }

    static void touchIf(Path file, BooleanSupplier healthy) {
        if (!healthy.getAsBoolean()) {
            return; // stale on purpose: the probe fails and the container is restarted
        }
        try {
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            } else {
                Files.writeString(file, "ok\n");
            }
        } catch (IOException e) {
            System.err.println("health file " + file + " cannot be written: " + e.getMessage());
        }
    }
}
