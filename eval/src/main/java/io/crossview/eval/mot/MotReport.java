package io.crossview.eval.mot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MOT metrics per sequence and combined over all of them, under fixed key names. Ratios whose
 * denominator is zero are NaN, as py-motmetrics reports them; JSON writes them as null.
 */
public record MotReport(List<SequenceResult> sequences, SequenceResult combined) {
    /** The metric names of every row, in output order. */
    public static final List<String> KEYS = List.of("MOTA", "MOTP", "IDF1", "IDP", "IDR", "Recall", "Precision",
            "FP", "FN", "IDSW", "Frag", "MT", "PT", "ML", "HOTA", "DetA", "AssA", "LocA");
    /** The name of the row pooled over all sequences. */
    public static final String COMBINED = "COMBINED";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MotReport {
        sequences = List.copyOf(sequences);
        for (SequenceResult s : sequences) {
            if (COMBINED.equals(s.name())) {
                throw new IllegalArgumentException("a sequence may not be named " + COMBINED);
            }
        }
    }

    /** Builds the report of {@code sequences}, combining them as py-motmetrics and TrackEval do. */
    public static MotReport of(List<SequenceResult> sequences) {
        return new MotReport(sequences, SequenceResult.combine(COMBINED, sequences));
    }

    /** {SEQ: {key: value}, ..., COMBINED: {...}} in sequence order. */
    public Map<String, Map<String, Number>> table() {
        Map<String, Map<String, Number>> table = new LinkedHashMap<>();
        for (SequenceResult s : sequences) {
            table.put(s.name(), s.metrics());
        }
        table.put(COMBINED, combined.metrics());
        return table;
    }

    /** The table as JSON: {"SEQ": {"MOTA": ..., ...}, "COMBINED": {...}}. */
    public String toJson() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        table().forEach((seq, row) -> {
            Map<String, Object> cleaned = new LinkedHashMap<>();
            row.forEach((k, v) -> cleaned.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
            out.put(seq, cleaned);
        });
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
