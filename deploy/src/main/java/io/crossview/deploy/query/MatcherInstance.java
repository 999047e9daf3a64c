package io.crossview.deploy.query;

import io.crossview.common.kafka.KafkaConnection;
import io.crossview.common.topics.Topics;
import io.crossview.deploy.stages.Stages;
import io.crossview.matcher.MatcherConfig;
import io.crossview.matcher.query.CropEmbedder;
import io.crossview.matcher.query.HttpAccess;
import io.crossview.matcher.query.MatcherHttp;
import io.crossview.matcher.query.StreamsQueries;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One matcher instance that answers queries: the HTTP server starts first, since Streams must
 * advertise its bound port to the other instances ({@code application.server}), then Streams.
 */
public final class MatcherInstance implements AutoCloseable {
    private final KafkaStreams streams;
    private final MatcherHttp http;
    private final HostInfo self;

    private MatcherInstance(KafkaStreams streams, MatcherHttp http, HostInfo self) {
        this.streams = streams;
        this.http = http;
        this.self = self;
    }

    /**
     * Created, not started.
     *
     * @param advertisedHost where the other instances reach this one
     * @param httpPort       the query port, 0 for a free one
     * @param embedder       the model for picture searches, or null for vector searches only
     * @param access         the address the query API binds and who may ask it
     */
    public static MatcherInstance create(KafkaConnection kafka, Topics topics, MatcherConfig config, String advertisedHost,
                                         int httpPort, CropEmbedder embedder, HttpAccess access) {
        MatcherHttp http = new MatcherHttp(access).start(httpPort);
        try {
            HostInfo self = new HostInfo(advertisedHost, http.port());
            KafkaStreams streams = Stages.matcher(kafka, topics,
                    config.withApplicationServer(self.host() + ":" + self.port()));
            http.serve(StreamsQueries.of(streams, self, embedder, access));
            return new MatcherInstance(streams, http, self);
        } catch (RuntimeException e) {
            http.stop();
            throw e;
        }
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Where its query API answers, e.g. {@code http://127.0.0.1:7070}. */
    public String url() {
        return "http://" + self.host() + ":" + self.port();
    }

    public void close(Duration timeout) {
        try {
            streams.close(timeout);
        } finally {
            http.stop();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
