package io.crossview.matcher.query;

import java.util.List;

/** The linker's live tracks of one camera, by track id. */
public record CameraLinks(String camera, List<LinkView> links) {
    public CameraLinks {
        links = List.copyOf(links);
    }
}
