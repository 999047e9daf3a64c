package io.crossview.deploy.console;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** The console's pages: Mustache templates under {@code console/} on the class path, HTML-escaped. */
final class Templates {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final MustacheFactory factory = new DefaultMustacheFactory("console");

    /** The page {@code name}, titled {@code title}, with {@code scope}'s values. */
    String render(String name, String title, Map<String, Object> scope) {
        Map<String, Object> all = new HashMap<>(scope);
        all.put("title", title);
        all.put("now", time(System.currentTimeMillis()));
        StringWriter out = new StringWriter();
        factory.compile(name + ".mustache").execute(out, all);
        return out.toString();
    }

    static String time(long epochMs) {
        return epochMs <= 0 ? "never" : TIME.format(Instant.ofEpochMilli(epochMs));
    }
}
