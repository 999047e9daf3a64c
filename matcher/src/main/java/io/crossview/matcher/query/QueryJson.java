package io.crossview.matcher.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** The JSON of the query API, for the server and for instances reading one another's answers. */
public final class QueryJson {
    /** snake_case like the wire schemas; unknown fields are ignored, so instances of a newer version can answer older ones. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private QueryJson() {
    }
}
