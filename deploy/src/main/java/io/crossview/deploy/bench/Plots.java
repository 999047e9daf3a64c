package io.crossview.deploy.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benches' plots, as PNGs drawn by JFreeChart: curves over time, a histogram, bars per camera. */
public final class Plots {
    static final int WIDTH = 760;
    static final int HEIGHT = 440;
    /** One colour per series, in order (matplotlib's first four, which people know). */
    static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    /** One measurement of a curve. */
    public record Point(double x, double y) {
    }

    private Plots() {
    }

    /** Curves sharing two axes, a dot at each measurement (held-out mAP against training time, per sampler). */
    public static void curves(Path png, String title, String xLabel, String yLabel, Map<String, List<Point>> curves)
            throws IOException {
        if (curves.size() > COLOURS.length) {
            throw new IllegalArgumentException("at most " + COLOURS.length + " curves, got " + curves.size());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((name, points) -> {
            XYSeries series = new XYSeries(name, false);
            points.forEach(p -> series.add(p.x(), p.y()));
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        style(chart);
        write(png, chart);
    }

    /** How {@code values} spread over {@code bins} equal bins (latencies). */
    public static void histogram(Path png, String title, String xLabel, double[] values, int bins) throws IOException {
        if (values.length == 0) {
            throw new IllegalArgumentException("nothing to draw a histogram of");
        }
        HistogramDataset data = new HistogramDataset();
        data.addSeries(xLabel, values, bins);
        JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "count", data, PlotOrientation.VERTICAL, false,
                false, false);
        org.jfree.chart.renderer.xy.XYBarRenderer renderer = (org.jfree.chart.renderer.xy.XYBarRenderer) chart.getXYPlot()
                .getRenderer();
        renderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        renderer.setSeriesPaint(0, COLOURS[0]);
        renderer.setShadowVisible(false);
        style(chart);
        write(png, chart);
    }

    /** One bar: its label, its height, and the index of its colour in {@link #COLOURS}. */
    public record Bar(String label, double value, int colour) {
    }

    /** Bars from 0 to 1, each in its own colour (per-camera IDF1, then MTMC IDF1 and its floor). */
    public static void bars(Path png, String title, String subtitle, String yLabel, List<Bar> bars) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        bars.forEach(bar -> data.addValue(bar.value(), yLabel, bar.label()));
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL, false,
                false, false);
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return COLOURS[bars.get(column).colour() % COLOURS.length];
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.000")));
        renderer.setDefaultItemLabelsVisible(true);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getRangeAxis().setRange(0, 1.05);
        style(chart);
        write(png, chart);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xf7f7f7));
    }

    private static void write(Path png, JFreeChart chart) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
