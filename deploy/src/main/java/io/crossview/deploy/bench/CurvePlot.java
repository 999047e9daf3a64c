package io.crossview.deploy.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG of curves sharing two axes (held-out mAP against training wall time, one curve per
 * sampler): axes from zero, ticks, a legend, one colour per curve, a dot per measurement.
 */
final class CurvePlot {
    static final int WIDTH = 720;
    static final int HEIGHT = 440;
    static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 55;

    record Point(double x, double y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<Point>> curves = new LinkedHashMap<>();

    CurvePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    CurvePlot curve(String name, List<Point> points) {
        if (curves.size() == COLOURS.length) {
            throw new IllegalArgumentException("at most " + COLOURS.length + " curves");
        }
        curves.put(name, List.copyOf(points));
        return this;
    }

    /** A JVM without fonts (a bare container) draws the curves and leaves the text out. */
    private static boolean fontsAvailable() {
        try {
            return java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length > 0;
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    void write(Path png) throws IOException {
        double maxX = curves.values().stream().flatMap(List::stream).mapToDouble(Point::x).max().orElse(1);
        double maxY = Math.min(1, Math.ceil(curves.values().stream().flatMap(List::stream).mapToDouble(Point::y).max()
                .orElse(1) * 10 + 0.5) / 10);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        boolean text = fontsAvailable();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - plotH * i / 5;
            int x = LEFT + plotW * i / 5;
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.drawLine(x, TOP, x, TOP + plotH);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        if (text) {
            for (int i = 0; i <= 5; i++) {
                int y = TOP + plotH - plotH * i / 5;
                int x = LEFT + plotW * i / 5;
                g.drawString(String.format(Locale.ROOT, "%.2f", maxY * i / 5), LEFT - 40, y + 4);
                g.drawString(String.format(Locale.ROOT, "%.0f", maxX * i / 5), x - 10, TOP + plotH + 18);
            }
            g.drawString(xLabel, LEFT + plotW / 2 - 60, HEIGHT - 12);
            g.drawString(yLabel, 8, TOP - 10);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, LEFT, 22);
        }
        g.setStroke(new BasicStroke(2f));
        int c = 0;
        for (Map.Entry<String, List<Point>> curve : curves.entrySet()) {
            g.setColor(COLOURS[c]);
            int px = -1;
            int py = -1;
            for (Point p : curve.getValue()) {
                int x = LEFT + (int) Math.round(plotW * p.x() / maxX);
                int y = TOP + plotH - (int) Math.round(plotH * p.y() / maxY);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 3, y - 3, 7, 7);
                px = x;
                py = y;
            }
            g.fillRect(LEFT + plotW - 150, TOP + 12 + 18 * c, 14, 4);
            if (text) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString(curve.getKey(), LEFT + plotW - 130, TOP + 18 + 18 * c);
            }
            c++;
        }
        g.dispose();
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }
}
