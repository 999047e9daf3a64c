package io.crossview.eval.mot;

import java.io.IOException;

/** A MOTChallenge text file that cannot be read as boxes; the message names the file and line. */
public final class MotFormatException extends IOException {
    public MotFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
    }
}
