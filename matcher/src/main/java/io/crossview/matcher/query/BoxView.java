package io.crossview.matcher.query;

import io.crossview.common.wire.Box;

/** A box in frame pixels, as the query API shows it. */
public record BoxView(float x, float y, float w, float h) {
    public static BoxView of(Box box) {
        return new BoxView(box.getX(), box.getY(), box.getW(), box.getH());
    }
}
