package io.crossview.eval.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What one identity looks like and how it walks; fixed for the whole world, so the same
 * person looks the same in every camera apart from that camera's light and colour.
 * Colours are BGR albedo, 0..255.
 *
 * @param height    metres, 1.55..1.95
 * @param shoulders shoulder width in metres
 * @param speed     preferred walking speed, m/s
 * @param armSwing  arm swing amplitude, radians
 */
record Appearance(int id, double height, double shoulders, double[] skin, double[] hair, Hair hairStyle,
                  double[] top, double[] topSecond, TopPattern pattern, boolean longSleeves,
                  double[] bottom, Bottom bottomStyle, double[] shoes, Bag bag, double[] bagColour, boolean bagLeft,
                  double[] cap, double speed, double armSwing) {

    enum Hair { SHORT, LONG, BALD }

    enum TopPattern { SOLID, STRIPES, JACKET, LOGO, BLOCKS }

    enum Bottom { TROUSERS, SHORTS, SKIRT }

    enum Bag { NONE, BACKPACK, SHOULDER_BAG }

    private static final double[][] SKIN = {
        {255, 224, 196}, {241, 194, 160}, {224, 172, 130}, {198, 134, 90}, {160, 102, 66}, {110, 70, 45}, {84, 56, 40}};
    private static final double[][] HAIR = {
        {25, 20, 20}, {60, 40, 30}, {100, 70, 45}, {205, 175, 115}, {150, 150, 150}, {125, 55, 30}};
    private static final double[][] TOPS = {
        {190, 30, 35}, {30, 40, 90}, {235, 235, 230}, {30, 30, 32}, {130, 130, 130}, {40, 120, 60},
        {230, 200, 40}, {130, 170, 220}, {230, 140, 170}, {235, 120, 30}, {110, 25, 40}, {200, 180, 140},
        {100, 50, 140}, {30, 130, 130}, {110, 110, 50}, {70, 130, 200}};
    private static final double[][] BOTTOMS = {
        {50, 70, 110}, {100, 125, 165}, {25, 25, 28}, {170, 150, 110}, {100, 100, 105}, {90, 65, 45},
        {35, 40, 70}, {215, 215, 210}, {85, 90, 55}};
    private static final double[][] BAGS = {
        {25, 25, 25}, {110, 70, 40}, {180, 30, 40}, {30, 40, 80}, {120, 120, 125}, {50, 100, 50}, {220, 110, 40},
        {220, 120, 160}};
    private static final double[][] SHOES = {{20, 20, 22}, {230, 230, 230}, {90, 60, 40}, {110, 110, 115}};

    /** M identities, no two with the same clothing colours, pattern and bag. */
    static List<Appearance> population(int count, SplittableRandom rnd) {
        Set<String> seen = new HashSet<>();
        Appearance[] out = new Appearance[count];
        for (int i = 0; i < count; i++) {
            Appearance a;
            do {
                a = random(i + 1, rnd);
            } while (!seen.add(a.key()) && seen.size() < 5000);
            out[i] = a;
        }
        return List.of(out);
    }

    static Appearance random(int id, SplittableRandom rnd) {
        double height = clamp(1.74 + 0.09 * rnd.nextGaussian(), 1.55, 1.95);
        double shoulders = clamp(height * 0.245 + 0.03 * rnd.nextGaussian(), 0.36, 0.52);
        int top = rnd.nextInt(TOPS.length);
        int second = (top + 1 + rnd.nextInt(TOPS.length - 1)) % TOPS.length;
        TopPattern pattern = pick(rnd, TopPattern.values(), 0.4, 0.15, 0.2, 0.12, 0.13);
        Bottom bottom = pick(rnd, Bottom.values(), 0.75, 0.15, 0.1);
        Bag bag = pick(rnd, Bag.values(), 0.45, 0.3, 0.25);
        Hair hair = pick(rnd, Hair.values(), 0.6, 0.32, 0.08);
        return new Appearance(id, height, shoulders,
                bgr(SKIN[rnd.nextInt(SKIN.length)]), bgr(HAIR[rnd.nextInt(HAIR.length)]), hair,
                bgr(TOPS[top]), bgr(TOPS[second]), pattern, rnd.nextDouble() < 0.55,
                bgr(BOTTOMS[rnd.nextInt(BOTTOMS.length)]), bottom, bgr(SHOES[rnd.nextInt(SHOES.length)]),
                bag, bgr(BAGS[rnd.nextInt(BAGS.length)]), rnd.nextBoolean(),
                rnd.nextDouble() < 0.18 ? bgr(BAGS[rnd.nextInt(BAGS.length)]) : null,
                clamp(1.3 + 0.15 * rnd.nextGaussian(), 0.95, 1.65), rnd.nextDouble(0.22, 0.5));
    }

    /** Stride length: a step is about 0.41 of body height. */
    double stepLength() {
        return 0.41 * height * (0.85 + 0.15 * speed / 1.3);
    }

    /** A short human-readable description for world.yaml. */
    String describe() {
        return String.format(java.util.Locale.ROOT, "%.2f m, %s %s top%s, %s %s%s%s", height, name(top),
                pattern.name().toLowerCase(java.util.Locale.ROOT),
                pattern == TopPattern.SOLID ? "" : " with " + name(topSecond), name(bottom),
                bottomStyle.name().toLowerCase(java.util.Locale.ROOT),
                bag == Bag.NONE ? "" : ", " + name(bagColour) + " " + bag.name().toLowerCase(java.util.Locale.ROOT)
                        + (bag == Bag.SHOULDER_BAG ? (bagLeft ? " left" : " right") : ""),
                cap == null ? "" : ", " + name(cap) + " cap");
    }

    private String key() {
        return name(top) + pattern + (pattern == TopPattern.SOLID ? "" : name(topSecond)) + name(bottom) + bottomStyle
                + bag + (bag == Bag.NONE ? "" : name(bagColour));
    }

    private static String name(double[] bgr) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", (int) bgr[2], (int) bgr[1], (int) bgr[0]);
    }

    private static double[] bgr(double[] rgb) {
        return new double[] {rgb[2], rgb[1], rgb[0]};
    }

    private static <T> T pick(SplittableRandom rnd, T[] values, double... weights) {
        double x = rnd.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
