package io.crossview.deploy.console;

import io.crossview.common.wire.ModelAnnouncement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A model's training curves, from the per-epoch figures its announcement carries
 * ({@code epoch.003.loss}, {@code epoch.003.map}): one line per figure against the epoch.
 */
final class TrainingCurve {
    private static final Pattern EPOCH = Pattern.compile("epoch\\.(\\d+)\\.(.+)");

    private TrainingCurve() {
    }

    /** The figures per epoch, by name; empty when the model carries none. */
    static Map<String, TreeMap<Integer, Double>> curves(ModelAnnouncement model) {
        Map<String, TreeMap<Integer, Double>> curves = new TreeMap<>();
        model.getMetricsMap().forEach((key, value) -> {
            Matcher m = EPOCH.matcher(key);
            if (m.matches()) {
                curves.computeIfAbsent(m.group(2), k -> new TreeMap<>()).put(Integer.parseInt(m.group(1)), value);
            }
        });
        return curves;
    }

    static byte[] png(ModelAnnouncement model, int width, int height) throws IOException {
        XYSeriesCollection lines = new XYSeriesCollection();
        curves(model).forEach((name, points) -> {
            XYSeries series = new XYSeries(name);
            points.forEach(series::add);
            lines.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart("Training of " + model.getVersion(), "epoch", "value", lines,
                PlotOrientation.VERTICAL, true, false, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }
}
