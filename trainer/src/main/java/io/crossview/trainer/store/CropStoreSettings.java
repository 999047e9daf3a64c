package io.crossview.trainer.store;

import java.time.Duration;

/**
 * Bounds of the crop store.
 *
 * @param maxPerIdentity crops kept per identity: past it, a better crop replaces the worst one,
 *                       so one person who stands in view all day cannot fill the data set
 * @param retention      crops older than this (by capture time) are expired
 */
public record CropStoreSettings(int maxPerIdentity, Duration retention) {
    public CropStoreSettings {
        if (maxPerIdentity < 1) {
            throw new IllegalArgumentException("crop store max_per_identity must be >= 1, got " + maxPerIdentity);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("crop store retention must be positive, got " + retention);
        }
    }

    public static CropStoreSettings defaults() {
        return new CropStoreSettings(100, Duration.ofDays(30));
    }
}
