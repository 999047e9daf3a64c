package io.crossview.deploy.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code crossview} command in a JVM of its own, on this JVM's class path: a broker node or a
 * stage instance that can be stopped like Ctrl-C or killed like a power cut.
 */
public final class CrossviewProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private CrossviewProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code crossview args...} with a heap of {@code heapMiB}, appending its output to {@code log}. */
    public static CrossviewProcess start(int heapMiB, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMiB + "m", "-cp", System.getProperty("java.class.path"), "io.crossview.deploy.cli.CrossviewCli"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new CrossviewProcess(process, log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Why it is not running, for an error line. */
    public String exitReason() {
        return "exited with " + process.exitValue() + "; see " + log;
    }

    /** CPU time it has used so far (zero where the platform does not tell). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks it to stop as Ctrl-C would; see {@link #awaitStopped()}. */
    public void stop() {
        process.destroy();
    }

    /** Waits for a stop asked for with {@link #stop()}, killing it after 30 s. */
    public void awaitStopped() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        awaitStopped();
    }
}
