package io.crossview.matcher.linking;

/** Keys of the linker's stores, in one place because the HTTP queries read them too. */
public final class LinkKeys {
    private LinkKeys() {
    }

    /** A local track in the link store: {@code camera/trackId}. */
    public static String link(String camera, long trackId) {
        return camera + "/" + trackId;
    }

    /** An identity in the gallery store. */
    public static String identity(long id) {
        return Long.toString(id);
    }
}
