package io.crossview.eval.mot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The raw CLEAR, identity and HOTA results of one sequence, or of several combined. */
public record SequenceResult(String name, ClearMot.Counts clear, IdScores identity, HotaResult hota) {

    /** Counts pooled over sequences (CLEAR and identity summed, HOTA as TrackEval combines). */
    public static SequenceResult combine(String name, Collection<SequenceResult> results) {
        ClearMot.Counts clear = ClearMot.Counts.ZERO;
        IdScores id = IdScores.ZERO;
        for (SequenceResult r : results) {
            clear = clear.plus(r.clear);
            id = id.plus(r.identity);
        }
        return new SequenceResult(name, clear, id, HotaResult.combine(results.stream().map(SequenceResult::hota).toList()));
    }

    /** The report's figures under {@link MotReport#KEYS}, in that order; counts are Longs. */
    public Map<String, Number> metrics() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("MOTA", clear.mota());
        m.put("MOTP", clear.motp());
        m.put("IDF1", identity.idf1());
        m.put("IDP", identity.idp());
        m.put("IDR", identity.idr());
        m.put("Recall", clear.recall());
        m.put("Precision", clear.precision());
        m.put("FP", clear.falsePositives());
        m.put("FN", clear.misses());
        m.put("IDSW", clear.switches());
        m.put("Frag", clear.fragmentations());
        m.put("MT", clear.mostlyTracked());
        m.put("PT", clear.partiallyTracked());
        m.put("ML", clear.mostlyLost());
        m.put("HOTA", hota.hota());
        m.put("DetA", hota.detA());
        m.put("AssA", hota.assA());
        m.put("LocA", hota.locA());
        return m;
    }
}
