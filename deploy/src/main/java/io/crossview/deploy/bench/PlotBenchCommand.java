package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crossview bench plot REPORT.json}: the plots of a saved bench report, without running it again. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw the plots of a saved report of crossview bench (latency.png, idf1.png) or of crossview "
                + "bench train (samplers.png)")
public final class PlotBenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REPORT.json", description = "A JSON report that a bench command wrote")
    Path report;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where the PNGs go (default: here)")
    Path out;

    @Override
    public Integer call() throws Exception {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readAllBytes(report));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such report: " + report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(report + " is not a JSON report: " + e.getOriginalMessage());
        }
        List<Path> written = BenchPlots.write(json, out);
        if (written.isEmpty()) {
            throw new IllegalArgumentException(report + " has none of the figures a plot is drawn from "
                    + "(latency_ms.histogram, accuracy.per_camera, points)");
        }
        written.forEach(p -> System.out.println("bench plot: wrote " + p));
        return 0;
    }
}
