package io.crossview.eval.reid;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Market-1501 image file name such as {@code 0001_c1s1_001051_00.jpg}: identity 0001, camera 1,
 * sequence 1, frame 1051, box 00 (the detection's index in that frame).
 *
 * <p>Identity {@value #JUNK} marks junk boxes (bad detections the protocol ignores) and
 * {@value #DISTRACTOR} ({@code 0000}) distractors (boxes of nobody in particular that stay in the
 * gallery as negatives).
 */
public record MarketName(int identity, int camera, int sequence, int frame, int box) {
    public static final int JUNK = -1;
    public static final int DISTRACTOR = 0;
    public static final String EXAMPLE = "0001_c1s1_001051_00.jpg";

    /**
     * Numbers are read whole rather than by Market's fixed widths, so names written for more
     * identities or longer videos still parse; nine digits at most keeps them inside an int.
     */
    private static final Pattern PATTERN = Pattern.compile(
            "(-1|\\d{1,9})_c(\\d{1,9})s(\\d{1,9})_(\\d{1,9})_(\\d{1,9})\\.(?:jpg|jpeg|png)",
            Pattern.CASE_INSENSITIVE);

    public MarketName {
        if (identity < JUNK) {
            throw new IllegalArgumentException("identity must be -1 (junk), 0 (distractor) or positive, got " + identity);
        }
        if (camera < 1) {
            throw new IllegalArgumentException("camera must be 1 or more, got " + camera);
        }
        if (sequence < 0 || frame < 0 || box < 0) {
            throw new IllegalArgumentException("sequence, frame and box must not be negative, got "
                    + sequence + ", " + frame + ", " + box);
        }
    }

    /** Reads a file name (no folders); throws IllegalArgumentException naming it when it is not Market's pattern. */
    public static MarketName parse(String fileName) {
        Matcher m = PATTERN.matcher(fileName == null ? "" : fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a Market-1501 image name: expected "
                    + "IDENTITY_cCAMERAsSEQUENCE_FRAME_BOX.jpg like " + EXAMPLE
                    + " (identity -1 = junk, 0000 = distractor)");
        }
        int camera = Integer.parseInt(m.group(2));
        if (camera < 1) {
            throw new IllegalArgumentException("'" + fileName + "' names camera 0; Market-1501 cameras count from 1");
        }
        return new MarketName(Integer.parseInt(m.group(1)), camera, Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }

    /** Whether the name has an image extension Market-style folders use; other files (Thumbs.db) are not images. */
    public static boolean isImageFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png"));
    }

    public boolean isJunk() {
        return identity == JUNK;
    }

    public boolean isDistractor() {
        return identity == DISTRACTOR;
    }

    /** The Market-1501 spelling: four-digit identity (or -1), six-digit frame, two-digit box, {@code .jpg}. */
    public String fileName() {
        String id = identity == JUNK ? "-1" : String.format(Locale.ROOT, "%04d", identity);
        return String.format(Locale.ROOT, "%s_c%ds%d_%06d_%02d.jpg", id, camera, sequence, frame, box);
    }
}
