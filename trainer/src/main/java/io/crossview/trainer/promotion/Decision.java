package io.crossview.trainer.promotion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossview.eval.reid.ReidReport;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a promotion decided and on which figures: both models measured on the same held-out split.
 *
 * @param promoted          whether the candidate replaced the current model (and was announced)
 * @param modelName         the name embedders follow on the models topic
 * @param candidate         the model offered
 * @param current           the model announced before, or the built-in one when none was
 * @param margin            how much higher the candidate's mAP had to be
 * @param heldOutIdentities how many identities the figures are about
 * @param decidedAt         when
 */
public record Decision(boolean promoted, String modelName, Figures candidate, Figures current, double margin,
                       int heldOutIdentities, Instant decidedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One model's side: where it is, its full sha256, and its held-out report. */
    public record Figures(String uri, String sha256, boolean builtin, ReidReport report) {
        public Figures {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(report, "report");
        }

        public String version() {
            return report.modelVersion();
        }
    }

    public Decision {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** The candidate's mAP less the current one's. */
    public double gain() {
        return candidate.report().mAP() - current.report().mAP();
    }

    /**
     * One line of JSON, the decisions log's format: {@code decision} ({@code promoted} or
     * {@code kept}), {@code name}, {@code at} (ISO-8601) and {@code atMs}, {@code margin},
     * {@code heldOut} (identities, queries, skipped, gallery), and for {@code candidate} and
     * {@code current}: version, sha256, uri, builtin, mAP, rank1, rank5, rank10.
     */
    public String toJson() {
        ObjectNode line = JSON.createObjectNode();
        line.put("decision", promoted ? "promoted" : "kept");
        line.put("name", modelName);
        line.put("at", decidedAt.toString());
        line.put("atMs", decidedAt.toEpochMilli());
        line.put("margin", margin);
        ReidReport r = candidate.report();
        ObjectNode heldOut = line.putObject("heldOut");
        heldOut.put("identities", heldOutIdentities);
        heldOut.put("queries", r.queriesEvaluated());
        heldOut.put("skipped", r.queriesSkipped());
        heldOut.put("gallery", r.gallerySize());
        side(line.putObject("candidate"), candidate);
        side(line.putObject("current"), current);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void side(ObjectNode node, Figures f) {
        node.put("version", f.version());
        node.put("sha256", f.sha256());
        node.put("uri", f.uri());
        node.put("builtin", f.builtin());
        node.put("mAP", f.report().mAP());
        node.put("rank1", f.report().rank1());
        node.put("rank5", f.report().rank5());
        node.put("rank10", f.report().rank10());
    }

    /** The human form, for the console. */
    public String toText() {
        ReidReport c = candidate.report();
        ReidReport k = current.report();
        return String.format(Locale.ROOT, """
                promotion of '%s': %s
                  candidate  %s  mAP %5.1f%%  rank-1 %5.1f%%
                  current    %s%s  mAP %5.1f%%  rank-1 %5.1f%%
                  mAP gain %+.1f points (margin %.1f); held out: %d identities, %d queries, %d gallery
                """, modelName, promoted ? "promoted, candidate announced" : "kept the current model",
                candidate.version(), 100 * c.mAP(), 100 * c.rank1(), current.version(),
                current.builtin() ? " (built-in)" : "", 100 * k.mAP(), 100 * k.rank1(), 100 * gain(), 100 * margin,
                heldOutIdentities, c.queriesEvaluated(), c.gallerySize());
    }
}
