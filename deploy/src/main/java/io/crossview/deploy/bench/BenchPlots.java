package io.crossview.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plots of a bench report, drawn from its JSON, so that a saved report ({@code docs/bench})
 * draws the same pictures as the run that wrote it: the latency histogram, IDF1 per camera,
 * and, for {@code bench train}'s reports, held-out mAP against training time per sampler.
 */
final class BenchPlots {
    static final int LATENCY_BINS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchPlots() {
    }

    /** Latencies as {@code [{"from_ms", "to_ms", "count"}]} over equal bins from 0 to the largest. */
    static ArrayNode histogram(long[] latenciesMs, int bins) {
        ArrayNode out = JSON.createArrayNode();
        if (latenciesMs.length == 0) {
            return out;
        }
        long max = 1;
        for (long v : latenciesMs) {
            max = Math.max(max, v);
        }
        double width = (double) max / bins;
        long[] counts = new long[bins];
        for (long v : latenciesMs) {
            counts[(int) Math.min(bins - 1, Math.floor(v / width))]++;
        }
        for (int i = 0; i < bins; i++) {
            out.addObject().put("from_ms", round(i * width)).put("to_ms", round((i + 1) * width)).put("count", counts[i]);
        }
        return out;
    }

    /** Every plot the report has the figures for; returns the files written. */
    static List<Path> write(JsonNode report, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        JsonNode histogram = report.path("latency_ms").path("histogram");
        if (histogram.isArray() && !histogram.isEmpty()) {
            Path png = dir.resolve("latency.png");
            Plots.histogram(png, String.format(Locale.ROOT, "Capture to identity: p50 %d ms, p99 %d ms (%d events)",
                    report.path("latency_ms").path("p50").asLong(), report.path("latency_ms").path("p99").asLong(),
                    report.path("latency_ms").path("events").asLong()), "latency (ms)", midpoints(histogram),
                    histogram.size());
            written.add(png);
        }
        JsonNode accuracy = report.path("accuracy");
        if (accuracy.has("per_camera")) {
            List<Plots.Bar> bars = new ArrayList<>();
            accuracy.get("per_camera").fields().forEachRemaining(e -> bars.add(new Plots.Bar(e.getKey(),
                    e.getValue().path("IDF1").asDouble(), e.getKey().equals("COMBINED") ? 2 : 0)));
            bars.add(new Plots.Bar("no-linking floor", accuracy.path("no_linking_floor_mtmc_idf1").asDouble(), 3));
            bars.add(new Plots.Bar("MTMC", accuracy.path("mtmc_idf1").asDouble(), 1));
            Path png = dir.resolve("idf1.png");
            Plots.bars(png, "IDF1 per camera and across cameras", report.path("detection").asText() + ", "
                    + report.path("reid_model").asText(), "IDF1", bars);
            written.add(png);
        }
        if (report.has("points")) {
            Map<String, List<Plots.Point>> curves = new LinkedHashMap<>();
            for (JsonNode p : report.get("points")) {
                String sampler = p.path("sampler").asText().equals("PK") ? "PK" : "graph (QAConv-GS)";
                curves.computeIfAbsent(sampler, s -> new ArrayList<>())
                        .add(new Plots.Point(p.path("seconds").asDouble(), p.path("mAP").asDouble()));
            }
            Path png = dir.resolve("samplers.png");
            Plots.curves(png, String.format(Locale.ROOT, "Graph sampling vs PK: %d identities, batches of %dx%d",
                    report.path("train_identities").asInt(), report.path("p").asInt(), report.path("k").asInt()),
                    "training wall time (s)", "held-out mAP", curves);
            written.add(png);
        }
        return written;
    }

    /** A histogram's bins back as values at their midpoints, as many as each counted. */
    private static double[] midpoints(JsonNode histogram) {
        List<Double> values = new ArrayList<>();
        for (JsonNode bin : histogram) {
            double mid = (bin.path("from_ms").asDouble() + bin.path("to_ms").asDouble()) / 2;
            for (long i = 0; i < bin.path("count").asLong(); i++) {
                values.add(mid);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
