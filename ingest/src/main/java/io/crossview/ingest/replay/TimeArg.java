package io.crossview.ingest.replay;

import io.crossview.ingest.config.Units;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses the points in time users type on the command line: instants, local times, epoch ms, now, -15m. */
public final class TimeArg {
    static final String FORMS = "an ISO-8601 instant (2026-12-01T10:00:00Z, 2026-12-01T11:00:00+01:00), "
            + "a local date-time (2026-12-01T10:00:00 or 2026-12-01 10:00), a date (2026-12-01), "
            + "epoch milliseconds (1796119200000), now, or a time before now (-30s, -15m, -2h, -1d)";

    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)(ms|s|m|h|d)");
    // epoch seconds would also be all digits: demand at least 11 digits (after 1973) to catch the mix-up
    private static final Pattern EPOCH_MS = Pattern.compile("\\d{11,}");

    private TimeArg() {
    }

    /** Local forms are read in {@code zone}; relative forms and {@code now} count from {@code now}. */
    public static Instant parse(String text, Instant now, ZoneId zone) {
        // capture times are whole milliseconds, and so are the times we print back
        return parseExact(text, now, zone).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant parseExact(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty time: use " + FORMS);
        }
        String value = text.strip();
        if (value.equalsIgnoreCase("now")) {
            return now;
        }
        if (RELATIVE.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            return now.minusMillis(Units.millis(value.substring(1)));
        }
        if (EPOCH_MS.matcher(value).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        String iso = value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException notOffset) {
            // fall through to the local forms
        }
        try {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeException notLocal) {
            // fall through to a bare date
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
        } catch (DateTimeException notDate) {
            throw new IllegalArgumentException("unknown time '" + text + "': use " + FORMS);
        }
    }

    /** The system clock and zone. */
    public static Instant parse(String text) {
        return parse(text, Instant.now(), ZoneId.systemDefault());
    }
}
