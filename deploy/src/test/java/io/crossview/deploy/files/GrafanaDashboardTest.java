package io.crossview.deploy.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossview.common.metrics.MeterNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard asks Prometheus only for meters CrossView registers, and shows each of them. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("grafana/crossview-dashboard.json");
    private static final Pattern SERIES = Pattern.compile("\\b(crossview_[a-z_]+|kafka_[a-z_]+|jvm_[a-z_]+)");
    /** What Prometheus adds to a Micrometer name: counters end in _total, histograms in _bucket, _sum, _count. */
    private static final Pattern SUFFIX = Pattern.compile("_(total|bucket|sum|count|max)$");
    /** Units Micrometer's Prometheus naming appends to a base unit. */
    private static final Pattern UNIT = Pattern.compile("_seconds$");

    private static List<String> expressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> exprs = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
        return exprs;
    }

    private static Set<String> crossviewMeters() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : MeterNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add(((String) field.get(null)).replace('.', '_'));
            }
        }
        return names;
    }

    @Test
    void everyCrossviewSeriesOfTheDashboardIsAMeterWeRegister() throws Exception {
        Set<String> meters = crossviewMeters();
        Set<String> asked = new TreeSet<>();
        for (String expr : expressions()) {
            Matcher m = SERIES.matcher(expr);
            while (m.find()) {
                asked.add(m.group(1));
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String series : asked) {
            String base = UNIT.matcher(SUFFIX.matcher(series).replaceAll("")).replaceAll("");
            if (series.startsWith("crossview_") && !meters.contains(base)) {
                unknown.add(series);
            }
        }
        assertEquals(List.of(), unknown, "series no meter of MeterNames gives");
        assertTrue(asked.stream().anyMatch(s -> s.startsWith("kafka_consumer_")), "the consumers' lag is shown");
    }

    @Test
    void everyMeterWeRegisterHasAPanel() throws Exception {
        String all = String.join("\n", expressions());
        List<String> missing = crossviewMeters().stream().filter(name -> !all.contains(name)).toList();
        assertEquals(List.of(), missing, "meters with no panel");
    }
}
