package io.crossview.eval.mot;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and writes MOTChallenge text files: {@code frame,id,x,y,w,h,conf,class,visibility[,...]}.
 *
 * <p>Parsing follows py-motmetrics' {@code io.load_motchallenge}: fields are separated by commas
 * and/or whitespace, blank lines are skipped, columns after the ninth are ignored (MOT15's world
 * coordinates). Frame and id must be whole numbers ({@code 3} or {@code 3.0}). Unlike pandas we
 * give a missing confidence column the value 1 and missing class / visibility -1: py-motmetrics
 * would turn them into NaN and silently drop every such row, which is never what a six-column
 * file means.
 *
 * <p>Filters, as py-motmetrics' {@code apps/eval_motchallenge.py} applies them:
 * <ul>
 *   <li>ground truth keeps rows with {@code conf >= 1} ({@code loadtxt(gt, min_confidence=1)}):
 *       MOT16/17/20 mark boxes not to evaluate with consider-flag 0. Class and visibility are
 *       not looked at (TrackEval with preprocessing off keeps {@code conf != 0}, the same on
 *       MOTChallenge data, whose flag is 0 or 1);</li>
 *   <li>predictions keep rows with {@code conf >= -1} ({@code loadtxt}'s default
 *       {@code min_confidence=-1}), which only drops scores below -1.</li>
 * </ul>
 * Distractor classes are not removed here; see {@link MotPreprocessing} for TrackEval's MOT17/20
 * preprocessing, which only runs when asked.
 */
public final class MotFile {
    /** py-motmetrics' eval_motchallenge loads ground truth with {@code min_confidence=1}. */
    public static final double GT_MIN_CONFIDENCE = 1;
    /** py-motmetrics' {@code loadtxt} default, used for tracker results. */
    public static final double PRED_MIN_CONFIDENCE = -1;

    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");

    private MotFile() {
    }

    /** Every row of {@code file}, unfiltered. */
    public static List<MotRow> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    /** Ground-truth rows of {@code file} with {@code conf >= 1}. */
    public static List<MotRow> readGroundTruth(Path file) throws IOException {
        return withMinConfidence(read(file), GT_MIN_CONFIDENCE);
    }

    /** Tracker-result rows of {@code file} with {@code conf >= -1}. */
    public static List<MotRow> readPredictions(Path file) throws IOException {
        return withMinConfidence(read(file), PRED_MIN_CONFIDENCE);
    }

    /** The rows whose confidence column is at least {@code min}. */
    public static List<MotRow> withMinConfidence(Collection<MotRow> rows, double min) {
        List<MotRow> kept = new ArrayList<>(rows.size());
        for (MotRow r : rows) {
            if (r.conf() >= min) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Parses MOTChallenge text; {@code source} names the input in error messages. */
    public static List<MotRow> parse(BufferedReader in, String source) throws IOException {
        List<MotRow> rows = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String text = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            text = text.strip();
            if (text.isEmpty()) {
                continue;
            }
            rows.add(parseLine(text, source, lineNo));
        }
        return rows;
    }

    private static MotRow parseLine(String text, String source, int lineNo) throws MotFormatException {
        String[] f = SEPARATOR.split(text);
        if (f.length < 6) {
            throw new MotFormatException(source, lineNo,
                    "expected at least 6 fields (frame,id,x,y,w,h), found " + f.length + ": '" + text + "'");
        }
        long frame = whole(f[0], "frame", source, lineNo);
        if (frame != (int) frame) {
            throw new MotFormatException(source, lineNo, "frame is out of range: '" + f[0] + "'");
        }
        long id = whole(f[1], "id", source, lineNo);
        double x = number(f[2], "x", source, lineNo);
        double y = number(f[3], "y", source, lineNo);
        double w = number(f[4], "width", source, lineNo);
        double h = number(f[5], "height", source, lineNo);
        double conf = f.length > 6 ? number(f[6], "conf", source, lineNo) : 1;
        int cls = f.length > 7 ? (int) number(f[7], "class", source, lineNo) : -1;
        double vis = f.length > 8 ? number(f[8], "visibility", source, lineNo) : -1;
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw new MotFormatException(source, lineNo, "box is not finite: '" + text + "'");
        }
        return new MotRow((int) frame, id, x, y, w, h, conf, cls, vis);
    }

    private static double number(String field, String what, String source, int lineNo) throws MotFormatException {
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new MotFormatException(source, lineNo, what + " is not a number: '" + field + "'");
        }
    }

    private static long whole(String field, String what, String source, int lineNo) throws MotFormatException {
        double d = number(field, what, source, lineNo);
        // 2^53: beyond it a double no longer holds every whole number.
        if (d != Math.rint(d) || Math.abs(d) > 0x1p53) {
            throw new MotFormatException(source, lineNo, what + " is not a whole number: '" + field + "'");
        }
        return (long) d;
    }

    /** Writes {@code rows} as ten comma-separated columns, the layout MOTChallenge expects. */
    public static void write(Path file, Collection<MotRow> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MotRow r : rows) {
                out.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s,%d,%s,-1%n", r.frame(), r.id(),
                        num(r.x()), num(r.y()), num(r.w()), num(r.h()), num(r.conf()), r.cls(), num(r.visibility())));
            }
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
