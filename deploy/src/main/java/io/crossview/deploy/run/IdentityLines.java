package io.crossview.deploy.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.common.wire.IdentityEvent;
import java.io.UncheckedIOException;

/** One identity event as one line of {@code identities.jsonl}, the file {@link MotResults} reads. */
public final class IdentityLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdentityLines() {
    }

    public static String line(IdentityEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("camera", event.getFrame().getCamera());
        line.put("site", event.getFrame().getSite());
        line.put("seq", event.getFrame().getSeq());
        line.put("capture_ms", event.getFrame().getCaptureMs());
        line.put("identity", event.getIdentityId());
        line.put("track", event.getTrackId());
        line.put("state", event.getState().name().replace("IDENTITY_", "").toLowerCase());
        line.put("confidence", Math.round(event.getConfidence() * 1000) / 1000.0);
        ObjectNode box = line.putObject("box");
        box.put("x", Math.round(event.getBox().getX()));
        box.put("y", Math.round(event.getBox().getY()));
        box.put("w", Math.round(event.getBox().getW()));
        box.put("h", Math.round(event.getBox().getH()));
        line.put("model", event.getModelVersion());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
