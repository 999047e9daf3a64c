package io.crossview.ingest.replay;

import java.util.Locale;

/** How fast a replay runs against the recording's own clock: a factor, or as fast as possible. */
public record Speed(double factor) {
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be above 0, got " + factor);
        }
    }

    /** Reads {@code 1x}, {@code 4x}, {@code 0.5x}, {@code 2} or {@code max}. */
    public static Speed parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return MAX;
        }
        String number = value.endsWith("x") ? value.substring(0, value.length() - 1) : value;
        try {
            double factor = Double.parseDouble(number);
            if (factor > 0 && Double.isFinite(factor)) {
                return new Speed(factor);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted forms
        }
        throw new IllegalArgumentException("unknown speed '" + text + "': use a factor such as 1x, 4x or 0.5x, or max");
    }

    public boolean paced() {
        return Double.isFinite(factor);
    }

    /** Wall-clock nanoseconds after the replay's start at which a frame captured {@code sinceFirstMs} after the first is due. */
    public long dueNanos(long sinceFirstMs) {
        return paced() ? Math.round(sinceFirstMs * 1_000_000.0 / factor) : 0;
    }

    @Override
    public String toString() {
        if (!paced()) {
            return "max";
        }
        return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "x";
    }
}
