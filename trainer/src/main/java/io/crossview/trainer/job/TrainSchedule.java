package io.crossview.trainer.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the next periodic job is due: a fixed interval since the last job started, or a number of
 * crops stored since then, whichever comes first. Either may be off.
 */
public final class TrainSchedule {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    private final Duration every;
    private final long newCrops;
    private Instant lastRun;
    private long cropsAtLastRun;

    /**
     * @param every    interval between jobs, or null for none
     * @param newCrops crops stored since the last job that start the next one, or 0 for none
     */
    public TrainSchedule(Duration every, long newCrops) {
        if (every == null && newCrops <= 0) {
            throw new IllegalArgumentException("a schedule needs an interval (--every) or a crop count (--new-crops)");
        }
        if (every != null && (every.isNegative() || every.isZero())) {
            throw new IllegalArgumentException("the interval must be positive, got " + every);
        }
        if (newCrops < 0) {
            throw new IllegalArgumentException("the crop count must be positive, got " + newCrops);
        }
        this.every = every;
        this.newCrops = newCrops;
    }

    /** Parses {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d}. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 30m, 6h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Records that a job started now with this many crops in the store. */
    public void ran(Instant at, long crops) {
        lastRun = at;
        cropsAtLastRun = crops;
    }

    /** Why a job is due now, or null when it is not. The first job is due at once. */
    public String due(Instant now, long crops) {
        if (lastRun == null) {
            return "first job";
        }
        if (every != null && !now.isBefore(lastRun.plus(every))) {
            return every.toString().substring(2).toLowerCase(Locale.ROOT) + " since the last job";
        }
        if (newCrops > 0 && crops - cropsAtLastRun >= newCrops) {
            return (crops - cropsAtLastRun) + " new crops";
        }
        return null;
    }
}
